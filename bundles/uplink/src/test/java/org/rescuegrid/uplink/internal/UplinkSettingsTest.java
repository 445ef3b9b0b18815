package org.rescuegrid.uplink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UplinkSettingsTest {

    private static final TestUplinkConfig VALID = TestUplinkConfig.valid();
    private static final TestUplinkConfig KAFKA = TestUplinkConfig.kafka("127.0.0.1:9092");

    @Test
    void validConfigAccepted() {
        UplinkSettings settings = UplinkSettings.from(VALID);

        assertEquals("PB-LHR", settings.province());
        assertEquals(URI.create("http://127.0.0.1:8123/hq/v1/batches"), settings.hqUrl());
        assertEquals(TestUplinkConfig.TOKEN, settings.token());
        assertEquals(200, settings.batchSize());
        assertEquals(1000, settings.pollIntervalMs());
        assertEquals(Duration.ofSeconds(60), settings.maxBackoff());
        assertEquals(Duration.ofSeconds(10), settings.requestTimeout());
    }

    @Test
    void blanksAroundValuesStripped() {
        UplinkSettings settings = UplinkSettings.from(VALID
                .withProvince("  PB-LHR ")
                .withHqUrl(" https://hq.rescuegrid.example/hq/v1/batches\t")
                .withToken(" " + TestUplinkConfig.TOKEN + "\n"));

        assertEquals("PB-LHR", settings.province());
        assertEquals(URI.create("https://hq.rescuegrid.example/hq/v1/batches"), settings.hqUrl());
        assertEquals(TestUplinkConfig.TOKEN, settings.token());
    }

    @Test
    void rangeLimitsAccepted() {
        UplinkSettings low = UplinkSettings.from(VALID.withBatchSize(1).withPollIntervalMs(100)
                .withMaxBackoffSeconds(1).withRequestTimeoutSeconds(1));
        UplinkSettings high = UplinkSettings.from(VALID.withBatchSize(5000).withPollIntervalMs(60_000)
                .withMaxBackoffSeconds(3600).withRequestTimeoutSeconds(300));

        assertEquals(1, low.batchSize());
        assertEquals(Duration.ofSeconds(1), low.maxBackoff());
        assertEquals(5000, high.batchSize());
        assertEquals(Duration.ofHours(1), high.maxBackoff());
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of(VALID.withProvince(""), "province", ""),
                Arguments.of(VALID.withProvince(null), "province", ""),
                Arguments.of(VALID.withProvince("PB LHR"), "province", "PB LHR"),
                Arguments.of(VALID.withProvince("P".repeat(33)), "province", "P".repeat(33)),
                Arguments.of(VALID.withHqUrl("ftp://127.0.0.1/hq/v1/batches"), "hqUrl", "ftp://127.0.0.1/hq/v1/batches"),
                Arguments.of(VALID.withHqUrl("127.0.0.1:8123/hq/v1/batches"), "hqUrl", "127.0.0.1:8123/hq/v1/batches"),
                Arguments.of(VALID.withHqUrl("http:///hq/v1/batches"), "hqUrl", "http:///hq/v1/batches"),
                Arguments.of(VALID.withHqUrl("http://hq rescuegrid/batches"), "hqUrl", "http://hq rescuegrid/batches"),
                Arguments.of(VALID.withHqUrl(""), "hqUrl", ""),
                Arguments.of(VALID.withBatchSize(0), "batchSize", "0"),
                Arguments.of(VALID.withBatchSize(5001), "batchSize", "5001"),
                Arguments.of(VALID.withBatchSize(-1), "batchSize", "-1"),
                Arguments.of(VALID.withPollIntervalMs(99), "pollIntervalMs", "99"),
                Arguments.of(VALID.withPollIntervalMs(60_001), "pollIntervalMs", "60001"),
                Arguments.of(VALID.withMaxBackoffSeconds(0), "maxBackoffSeconds", "0"),
                Arguments.of(VALID.withMaxBackoffSeconds(3601), "maxBackoffSeconds", "3601"),
                Arguments.of(VALID.withRequestTimeoutSeconds(0), "requestTimeoutSeconds", "0"),
                Arguments.of(VALID.withRequestTimeoutSeconds(301), "requestTimeoutSeconds", "301"),
                Arguments.of(VALID.withTransport("amqp"), "transport", "amqp"),
                Arguments.of(VALID.withTransport(""), "transport", ""),
                Arguments.of(KAFKA.withKafkaBootstrapServers(""), "kafkaBootstrapServers", ""),
                Arguments.of(KAFKA.withKafkaBootstrapServers("127.0.0.1"), "kafkaBootstrapServers", "127.0.0.1"),
                Arguments.of(KAFKA.withKafkaBootstrapServers("127.0.0.1:9092,"), "kafkaBootstrapServers", "127.0.0.1:9092,"),
                Arguments.of(KAFKA.withKafkaBootstrapServers("127.0.0.1:70000"), "kafkaBootstrapServers", "127.0.0.1:70000"),
                Arguments.of(KAFKA.withKafkaBootstrapServers("PLAINTEXT://127.0.0.1:9092"), "kafkaBootstrapServers",
                        "PLAINTEXT://127.0.0.1:9092"),
                Arguments.of(KAFKA.withKafkaTopic(""), "kafkaTopic", ""),
                Arguments.of(KAFKA.withKafkaTopic("hq uplink"), "kafkaTopic", "hq uplink"),
                Arguments.of(KAFKA.withKafkaTopic(".."), "kafkaTopic", ".."),
                Arguments.of(KAFKA.withKafkaTopic("t".repeat(250)), "kafkaTopic", "t".repeat(250)),
                // A 216-character prefix, a dot and a 32-character province code fill Kafka's 249 characters.
                Arguments.of(KAFKA.withKafkaTopic("t".repeat(217)), "kafkaTopic", "t".repeat(217)),
                Arguments.of(KAFKA.withBatchSize(0), "batchSize", "0"));
    }

    @ParameterizedTest(name = "{1}=''{2}''")
    @MethodSource("invalidValues")
    void invalidValueNamed(TestUplinkConfig config, String key, String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UplinkSettings.from(config));

        assertTrue(e.getMessage().startsWith("org.rescuegrid.uplink: "), e.getMessage());
        assertTrue(e.getMessage().contains(key + "='" + value + "' is invalid"), e.getMessage());
    }

    @Test
    void placeholderTokenRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UplinkSettings.from(VALID.withToken("$[secret:x]")));

        assertTrue(e.getMessage().contains("token '$[secret:x]'"), e.getMessage());
        assertTrue(e.getMessage().contains("unresolved placeholder"), e.getMessage());
    }

    @Test
    void shortTokenRejectedWithoutEcho() {
        String token = "fifteen-chars-x";

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UplinkSettings.from(VALID.withToken(token)));

        assertTrue(e.getMessage().contains("token is 15 characters long"), e.getMessage());
        assertFalse(e.getMessage().contains(token), "the message must not reveal the token: " + e.getMessage());
    }

    @Test
    void blankPaddedShortTokenRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UplinkSettings.from(VALID.withToken("  fifteen-chars-x  ")));

        assertTrue(e.getMessage().contains("token is 15 characters long"), e.getMessage());
    }

    @Test
    void missingTokenRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UplinkSettings.from(VALID.withToken(null)));

        assertTrue(e.getMessage().contains("token is 0 characters long"), e.getMessage());
    }

    @Test
    void sixteenCharacterTokenAccepted() {
        assertEquals("0123456789abcdef", UplinkSettings.from(VALID.withToken("0123456789abcdef")).token());
    }

    @Test
    void kafkaConfigAccepted() {
        UplinkSettings settings = UplinkSettings.from(KAFKA.withTransport(" Kafka ")
                .withKafkaBootstrapServers(" 127.0.0.1:9092, broker-2.hq.example:19092,[::1]:9094 ").withKafkaTopic(" hq.uplink_v1 "));

        assertEquals(UplinkSettings.Transport.KAFKA, settings.transport());
        assertEquals("127.0.0.1:9092,broker-2.hq.example:19092,[::1]:9094", settings.kafkaBootstrapServers());
        assertEquals("hq.uplink_v1", settings.kafkaTopic());
        assertEquals("hq.uplink_v1.PB-LHR", settings.kafkaProvinceTopic());
        assertEquals(null, settings.token());
        assertEquals(null, settings.hqUrl());
    }

    @Test
    void kafkaIgnoresHttpKeys() {
        UplinkSettings settings = UplinkSettings.from(KAFKA.withHqUrl("not a url").withToken("short"));

        assertEquals(UplinkSettings.Transport.KAFKA, settings.transport());
    }

    @Test
    void httpIgnoresKafkaKeys() {
        UplinkSettings settings = UplinkSettings.from(VALID.withKafkaBootstrapServers("").withKafkaTopic("not a topic"));

        assertEquals(UplinkSettings.Transport.HTTP, settings.transport());
    }

    @Test
    void transportMessageListsChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UplinkSettings.from(VALID.withTransport("mqtt")));

        assertTrue(e.getMessage().endsWith("set http or kafka"), e.getMessage());
    }
}
