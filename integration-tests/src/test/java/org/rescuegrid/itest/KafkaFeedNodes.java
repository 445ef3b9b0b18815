package org.rescuegrid.itest;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;

import org.apache.camel.impl.DefaultCamelContext;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.hq.internal.HqDatabase;
import org.rescuegrid.hq.internal.HqKafkaConfig;
import org.rescuegrid.hq.internal.HqKafkaConsumer;
import org.rescuegrid.hq.internal.HqRecordStore;
import org.rescuegrid.store.internal.DerbyOutbox;
import org.rescuegrid.store.internal.DerbyPositionStore;
import org.rescuegrid.store.internal.StoreDatabase;
import org.rescuegrid.testing.EmbeddedDerby;
import org.rescuegrid.uplink.internal.UplinkConfig;
import org.rescuegrid.uplink.internal.UplinkRoutes;

/**
 * District and HQ nodes of the Kafka feed as plain Java objects: the same store, uplink and HQ classes the
 * bundles register with Declarative Services, wired by hand, each node with its own embedded Derby database.
 * The HQ nodes of one test share one HQ database, as HQ nodes sharing a database server would. All nodes log
 * in to the secured {@link KafkaBroker}: a district as the user named by its province code, HQ as {@value #HQ_USER}.
 */
final class KafkaFeedNodes {

    /** Prefix of the districts' topics. */
    static final String TOPIC = "rescuegrid.uplink";
    static final String GROUP = "rescuegrid-hq";
    static final String HQ_USER = "hq";

    private KafkaFeedNodes() {
    }

    /** A district node: its store, its outbox and its uplink route over Kafka. */
    static final class District implements AutoCloseable {

        private final EmbeddedDerby derby;
        private final DerbyPositionStore positions;
        private final DerbyOutbox outbox;
        private final UplinkRoutes uplink;
        private final DefaultCamelContext camel;

        District(Path directory, String province, KafkaBroker broker, int batchSize) throws Exception {
            this(directory, uplinkConfig(province, broker, batchSize));
        }

        District(Path directory, UplinkConfig config) throws Exception {
            derby = new EmbeddedDerby(directory);
            StoreDatabase database = new StoreDatabase(derby.dataSource());
            positions = new DerbyPositionStore(database);
            outbox = new DerbyOutbox(database);
            uplink = new UplinkRoutes(outbox, config);
            camel = new DefaultCamelContext();
            camel.addRoutes(uplink);
            camel.start();
        }

        /** Stores a position fix of the given device, which also puts it in the outbox, and returns its event id. */
        String storePosition(String deviceId, int index) {
            PositionFix fix = new PositionFix(deviceId, Instant.parse("2026-12-04T10:00:00Z").plusSeconds(index),
                    31.5 + (index % 1000) / 10_000.0, 74.35, 214.5, 36.2, 181.0, 9, 0.8, true);
            return positions.store(fix).eventId();
        }

        long backlog() {
            return outbox.backlog();
        }

        UplinkRoutes uplink() {
            return uplink;
        }

        EmbeddedDerby database() {
            return derby;
        }

        @Override
        public void close() throws SQLException {
            camel.stop();
            uplink.deactivate();
            derby.close();
        }
    }

    /** HQ's database with the idempotent record store that all HQ consumer nodes of a test share. */
    static final class Hq implements AutoCloseable {

        private final EmbeddedDerby derby;
        private final HqRecordStore store;

        Hq(Path directory) throws SQLException {
            derby = new EmbeddedDerby(directory);
            store = new HqRecordStore(new HqDatabase(derby.dataSource()));
        }

        /** Starts an HQ consumer node in the group. */
        HqKafkaConsumer startConsumer(KafkaBroker broker, int maxPollRecords) {
            return startConsumer(hqKafkaConfig(broker, maxPollRecords, GROUP));
        }

        HqKafkaConsumer startConsumer(HqKafkaConfig config) {
            return new HqKafkaConsumer(store, config);
        }

        HqRecordStore store() {
            return store;
        }

        long records() throws SQLException {
            return derby.queryLong("SELECT COUNT(*) FROM hq_record");
        }

        EmbeddedDerby database() {
            return derby;
        }

        @Override
        public void close() throws SQLException {
            derby.close();
        }
    }

    /** Returns the topic a district produces to. */
    static String topicOf(String province) {
        return TOPIC + "." + province;
    }

    /** Creates a district's topic and lets only the district's user write it. */
    static void createDistrictTopic(KafkaBroker broker, String province, int partitions) throws InterruptedException {
        broker.createTopic(topicOf(province), partitions);
        broker.allowProducer(province, topicOf(province));
    }

    static UplinkConfig uplinkConfig(String province, KafkaBroker broker, int batchSize) {
        return new UplinkConfig() {
            @Override public Class<? extends Annotation> annotationType() { return UplinkConfig.class; }
            @Override public String province() { return province; }
            @Override public String transport() { return "kafka"; }
            @Override public String hqUrl() { return "http://127.0.0.1:8123/hq/v1/batches"; }
            @Override public String kafkaBootstrapServers() { return broker.bootstrapServers(); }
            @Override public String kafkaTopic() { return TOPIC; }
            @Override public String token() { return ""; }
            @Override public int batchSize() { return batchSize; }
            @Override public long pollIntervalMs() { return 100; }
            @Override public int maxBackoffSeconds() { return 2; }
            @Override public int requestTimeoutSeconds() { return 10; }
            @Override public String keyStore() { return ""; }
            @Override public String keyStorePassword() { return ""; }
            @Override public String trustStore() { return ""; }
            @Override public String trustStorePassword() { return ""; }
            @Override public String kafkaSecurityProtocol() { return "SASL_SSL"; }
            @Override public String kafkaSaslMechanism() { return "SCRAM-SHA-512"; }
            @Override public String kafkaUsername() { return province; }
            @Override public String kafkaPassword() { return broker.password(province); }
            @Override public String kafkaTruststorePath() { return broker.truststore().toString(); }
        };
    }

    static HqKafkaConfig hqKafkaConfig(KafkaBroker broker, int maxPollRecords, String groupId) {
        return new HqKafkaConfig() {
            @Override public Class<? extends Annotation> annotationType() { return HqKafkaConfig.class; }
            @Override public String bootstrapServers() { return broker.bootstrapServers(); }
            @Override public String topic() { return TOPIC; }
            @Override public String groupId() { return groupId; }
            @Override public int maxPollRecords() { return maxPollRecords; }
            @Override public int sessionTimeoutMs() { return 6000; }
            @Override public String securityProtocol() { return "SASL_SSL"; }
            @Override public String saslMechanism() { return "SCRAM-SHA-512"; }
            @Override public String username() { return HQ_USER; }
            @Override public String password() { return broker.password(HQ_USER); }
            @Override public String truststorePath() { return broker.truststore().toString(); }
            @Override public String keyStore() { return ""; }
            @Override public String keyStorePassword() { return ""; }
        };
    }

    /**
     * Returns the configuration of a district that authenticates to the broker's SSL listener with the client
     * certificate of a PKCS12 key store instead of a SCRAM login.
     */
    static UplinkConfig certificateUplinkConfig(String province, KafkaBroker broker, Path keyStore, String password) {
        UplinkConfig sasl = uplinkConfig(province, broker, 50);
        return new UplinkConfig() {
            @Override public Class<? extends Annotation> annotationType() { return UplinkConfig.class; }
            @Override public String province() { return province; }
            @Override public String transport() { return "kafka"; }
            @Override public String hqUrl() { return sasl.hqUrl(); }
            @Override public String kafkaBootstrapServers() { return broker.sslBootstrapServers(); }
            @Override public String kafkaTopic() { return TOPIC; }
            @Override public String token() { return ""; }
            @Override public int batchSize() { return sasl.batchSize(); }
            @Override public long pollIntervalMs() { return sasl.pollIntervalMs(); }
            @Override public int maxBackoffSeconds() { return sasl.maxBackoffSeconds(); }
            @Override public int requestTimeoutSeconds() { return sasl.requestTimeoutSeconds(); }
            @Override public String keyStore() { return keyStore.toString(); }
            @Override public String keyStorePassword() { return password; }
            @Override public String trustStore() { return ""; }
            @Override public String trustStorePassword() { return ""; }
            @Override public String kafkaSecurityProtocol() { return "SSL"; }
            @Override public String kafkaSaslMechanism() { return ""; }
            @Override public String kafkaUsername() { return ""; }
            @Override public String kafkaPassword() { return ""; }
            @Override public String kafkaTruststorePath() { return broker.truststore().toString(); }
        };
    }

    /** Returns the configuration of an HQ consumer that authenticates with the client certificate of a PKCS12 key store. */
    static HqKafkaConfig certificateHqKafkaConfig(KafkaBroker broker, Path keyStore, String password) {
        return new HqKafkaConfig() {
            @Override public Class<? extends Annotation> annotationType() { return HqKafkaConfig.class; }
            @Override public String bootstrapServers() { return broker.sslBootstrapServers(); }
            @Override public String topic() { return TOPIC; }
            @Override public String groupId() { return GROUP; }
            @Override public int maxPollRecords() { return 50; }
            @Override public int sessionTimeoutMs() { return 6000; }
            @Override public String securityProtocol() { return "SSL"; }
            @Override public String saslMechanism() { return ""; }
            @Override public String username() { return ""; }
            @Override public String password() { return ""; }
            @Override public String truststorePath() { return broker.truststore().toString(); }
            @Override public String keyStore() { return keyStore.toString(); }
            @Override public String keyStorePassword() { return password; }
        };
    }
}
