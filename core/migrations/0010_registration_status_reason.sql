-- The office's reason when it rejects a worker's registration, which the worker reads beside the rejection. It
-- comes down in a pull with the office's status; the device never writes it.
ALTER TABLE worker_registrations ADD COLUMN status_reason TEXT;
