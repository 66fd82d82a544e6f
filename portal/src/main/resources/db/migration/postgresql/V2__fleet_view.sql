-- What the fleet view filters and counts on, kept beside the latest heartbeat when it is written (the heartbeat's
-- JSON is never searched): when it arrived in epoch milliseconds, and KioskFlag bits. Old rows get their time from
-- received_at; their flags stay 0 until the kiosk's next heartbeat (a minute).
ALTER TABLE heartbeat ADD COLUMN received_ms BIGINT NOT NULL DEFAULT 0;
ALTER TABLE heartbeat ADD COLUMN flags INTEGER NOT NULL DEFAULT 0;
UPDATE heartbeat SET received_ms = (extract(epoch FROM received_at::timestamptz) * 1000)::bigint;
-- /metrics counts submissions by state at every scrape.
CREATE INDEX submission_state ON submission (state);
