-- The transactional outbox: core events are written here by the transaction of their change and
-- relayed to Kafka in seq order, then deleted. Nothing is lost while Kafka is down.
CREATE TABLE event_outbox (
    seq        bigserial     PRIMARY KEY,
    id         uuid          NOT NULL UNIQUE,
    topic      varchar(249)  NOT NULL,
    tenant_id  uuid          NOT NULL,
    envelope   text          NOT NULL,
    created_at timestamptz   NOT NULL DEFAULT now()
);
