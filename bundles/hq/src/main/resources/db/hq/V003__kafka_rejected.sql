-- Kafka messages HQ's consumer could not store because of their content. Over Kafka, HQ cannot answer the
-- district, so the message is kept here with the reason and its offset is committed, rather than blocking
-- its partition. One row per topic, partition and offset, however often the message is delivered.
CREATE TABLE hq_rejected_message (
    topic VARCHAR(249) NOT NULL,
    kafka_partition INT NOT NULL,
    kafka_offset BIGINT NOT NULL,
    message_key VARCHAR(64),
    event_id VARCHAR(64),
    rejected_at TIMESTAMP NOT NULL,
    reason VARCHAR(1000) NOT NULL,
    message_value CLOB,
    PRIMARY KEY (topic, kafka_partition, kafka_offset)
);
