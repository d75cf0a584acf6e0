-- event_handled only has to remember deliveries as long as Kafka may redeliver them: older rows are
-- deleted by age. BRIN: rows arrive in handled_at order, and the index costs inserts next to nothing.
CREATE INDEX event_handled_age_idx ON event_handled USING brin (handled_at);
