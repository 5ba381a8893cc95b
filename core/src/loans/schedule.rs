//! Instalment schedules (to be written).
