package org.rescuegrid.hq.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.rescuegrid.feed.support.KafkaClientSecurity;

class HqKafkaSettingsTest {

    /** An {@link HqKafkaConfig} as DS would build it from a .cfg file. */
    record Config(String bootstrapServers, String topic, String groupId, int maxPollRecords, int sessionTimeoutMs) implements HqKafkaConfig {

        static Config valid() {
            return new Config("127.0.0.1:9092", "rescuegrid.uplink", "rescuegrid-hq", 500, 45_000);
        }

        Config withServers(String value) {
            return new Config(value, topic, groupId, maxPollRecords, sessionTimeoutMs);
        }

        Config withTopic(String value) {
            return new Config(bootstrapServers, value, groupId, maxPollRecords, sessionTimeoutMs);
        }

        Config withGroupId(String value) {
            return new Config(bootstrapServers, topic, value, maxPollRecords, sessionTimeoutMs);
        }

        Config withMaxPollRecords(int value) {
            return new Config(bootstrapServers, topic, groupId, value, sessionTimeoutMs);
        }

        Config withSessionTimeoutMs(int value) {
            return new Config(bootstrapServers, topic, groupId, maxPollRecords, value);
        }

        // The security keys are validated by securityKeysValidatedWithHqPid; the rest of the tests run without them.
        @Override
        public String securityProtocol() {
            return "PLAINTEXT";
        }

        @Override
        public String saslMechanism() {
            return "SCRAM-SHA-512";
        }

        @Override
        public String username() {
            return "";
        }

        @Override
        public String password() {
            return "";
        }

        @Override
        public String truststorePath() {
            return "";
        }

        @Override
        public String keyStore() {
            return "";
        }

        @Override
        public String keyStorePassword() {
            return "";
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return HqKafkaConfig.class;
        }
    }

    @Test
    void validConfigAccepted() {
        HqKafkaSettings settings = HqKafkaSettings.from(Config.valid().withServers(" 127.0.0.1:9092 ,broker-2:9093").withGroupId(" hq-a "));

        assertEquals("127.0.0.1:9092,broker-2:9093", settings.bootstrapServers());
        assertEquals("rescuegrid.uplink", settings.topic());
        assertEquals("hq-a", settings.groupId());
        assertEquals(500, settings.maxPollRecords());
        assertEquals(45_000, settings.sessionTimeoutMs());
    }

    @Test
    void consumerCommitsByHand() {
        Properties properties = HqKafkaConsumer.consumerProperties(HqKafkaSettings.from(Config.valid()),
                HqKafkaSettings.security(Config.valid()));

        assertEquals("false", properties.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG));
        assertEquals("earliest", properties.get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG));
        assertEquals("rescuegrid-hq", properties.get(ConsumerConfig.GROUP_ID_CONFIG));
        assertEquals("3000", properties.get(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG));
        assertEquals("org.apache.kafka.clients.consumer.CooperativeStickyAssignor",
                properties.get(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG));
    }

    @Test
    void provinceTopicsMatchPrefixAndProvince() {
        HqKafkaSettings settings = HqKafkaSettings.from(Config.valid());

        assertTrue(settings.provinceTopics().matcher("rescuegrid.uplink.PB-LHR").matches());
        assertFalse(settings.provinceTopics().matcher("rescuegrid.uplink").matches());
        assertFalse(settings.provinceTopics().matcher("rescuegridXuplink.PB-LHR").matches());
        assertFalse(settings.provinceTopics().matcher("other.rescuegrid.uplink.PB-LHR").matches());
        assertEquals("PB-LHR", settings.provinceOf("rescuegrid.uplink.PB-LHR"));
    }

    @Test
    void securityKeysValidatedWithHqPid() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KafkaClientSecurity.from(HqKafkaSettings.PID,
                new String[] {"securityProtocol", "saslMechanism", "username", "password", "truststorePath"}, "SASL_SSL",
                "SCRAM-SHA-512", "hq", "$[secret:hq.kafka.password]", "/etc/kafka-ca.pem"));

        assertEquals("org.rescuegrid.hq.kafka: password '$[secret:hq.kafka.password]' is an unresolved placeholder;"
                + " create the secret file it names in the node's etc folder", e.getMessage());
        assertEquals("PLAINTEXT", HqKafkaSettings.security(Config.valid()).toString());
    }

    static Stream<Arguments> invalidValues() {
        Config valid = Config.valid();
        return Stream.of(
                Arguments.of(valid.withServers(""), "bootstrapServers", ""),
                Arguments.of(valid.withServers("127.0.0.1"), "bootstrapServers", "127.0.0.1"),
                Arguments.of(valid.withServers("127.0.0.1:0"), "bootstrapServers", "127.0.0.1:0"),
                Arguments.of(valid.withServers("127.0.0.1:9092,"), "bootstrapServers", "127.0.0.1:9092,"),
                Arguments.of(valid.withTopic(""), "topic", ""),
                Arguments.of(valid.withTopic("hq topic"), "topic", "hq topic"),
                Arguments.of(valid.withGroupId("."), "groupId", "."),
                Arguments.of(valid.withGroupId(null), "groupId", ""),
                Arguments.of(valid.withMaxPollRecords(0), "maxPollRecords", "0"),
                Arguments.of(valid.withMaxPollRecords(5001), "maxPollRecords", "5001"),
                Arguments.of(valid.withSessionTimeoutMs(5999), "sessionTimeoutMs", "5999"),
                Arguments.of(valid.withSessionTimeoutMs(300_001), "sessionTimeoutMs", "300001"));
    }

    @ParameterizedTest(name = "{1}=''{2}''")
    @MethodSource("invalidValues")
    void invalidValueNamed(Config config, String key, String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HqKafkaSettings.from(config));

        assertTrue(e.getMessage().startsWith("org.rescuegrid.hq.kafka: "), e.getMessage());
        assertTrue(e.getMessage().contains(key + "='" + value + "' is invalid; set "), e.getMessage());
    }
}
