-- Version 9: the transaction points' calendars. A commune's borrowers pay at its VBSP transaction point (điểm giao
-- dịch xã) on the days it sits: a day of each month, or dates the bank sets. The loan screen shows the next one.
CREATE TABLE transaction_points (
    id            TEXT PRIMARY KEY,
    commune_code  TEXT NOT NULL,
    place         TEXT NOT NULL,
    days_of_month TEXT NOT NULL, -- JSON array of 1..31
    dates         TEXT NOT NULL  -- JSON array of ISO dates
) STRICT;
CREATE INDEX transaction_points_commune ON transaction_points (commune_code);
