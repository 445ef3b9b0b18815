package org.rescuegrid.hq.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Messages of a district's topic as the HQ Kafka consumer checks them against the topic's province. */
class HqKafkaMessageTest {

    private static final String EVENT_ID = "0b5c6a43-3f1e-4d8c-9a51-2f4f0f1a7c11";

    private static String value(String province) {
        return "{\"province\":\"" + province + "\",\"eventId\":\"" + EVENT_ID + "\",\"type\":\"position\","
                + "\"createdAt\":\"2026-12-04T10:00:00Z\",\"payload\":{\"eventId\":\"" + EVENT_ID + "\"}}";
    }

    private static ConsumerRecord<String, String> message(String topic, String key, String value) {
        return new ConsumerRecord<>(topic, 0, 42L, key, value);
    }

    @Test
    void ownProvinceAccepted() {
        HqKafkaConsumer.UplinkMessage parsed = HqKafkaConsumer.parse(message("rescuegrid.uplink.PB-LHR", "PB-LHR", value("PB-LHR")), "PB-LHR");

        assertEquals("PB-LHR", parsed.province());
        assertEquals(EVENT_ID, parsed.record().eventId());
        assertEquals("position", parsed.record().type());
    }

    @Test
    void otherProvinceInValueRejected() {
        InvalidBatchException e = assertThrows(InvalidBatchException.class,
                () -> HqKafkaConsumer.parse(message("rescuegrid.uplink.PB-LHR", "PB-RWP", value("PB-RWP")), "PB-LHR"));

        assertEquals("message claims province 'PB-RWP' but was produced to topic rescuegrid.uplink.PB-LHR of province 'PB-LHR'",
                e.getMessage());
    }

    @Test
    void otherProvinceInKeyRejected() {
        InvalidBatchException e = assertThrows(InvalidBatchException.class,
                () -> HqKafkaConsumer.parse(message("rescuegrid.uplink.PB-LHR", "PB-RWP", value("PB-LHR")), "PB-LHR"));

        assertEquals("message key 'PB-RWP' differs from its province 'PB-LHR'", e.getMessage());
    }

    @Test
    void valueWithoutProvinceRejected() {
        InvalidBatchException e = assertThrows(InvalidBatchException.class,
                () -> HqKafkaConsumer.parse(message("rescuegrid.uplink.PB-LHR", "PB-LHR", "{\"eventId\":\"" + EVENT_ID + "\"}"), "PB-LHR"));

        assertEquals("message field 'province' is missing or not a string", e.getMessage());
    }
}
