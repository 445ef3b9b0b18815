package org.rescuegrid.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.rescuegrid.hq.internal.HqKafkaConsumer;

/**
 * What the secured broker and HQ let a district do: write its own topic only, never pass for another
 * district, and not log in at all with a wrong password. The producers here are plain Kafka clients
 * that log in as a district, as a district node that tries to impersonate another one would.
 */
public class KafkaDistrictIdentityIT {

    private static final String LAHORE = "PB-LHR";
    private static final String RAWALPINDI = "PB-RWP";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private static Path directory;
    private static KafkaBroker broker;

    @BeforeClass
    public static void startBroker() throws Exception {
        directory = Files.createTempDirectory(Path.of("target"), "kafka-identity-");
        broker = KafkaBroker.start(directory.resolve("broker"), LAHORE, RAWALPINDI, KafkaFeedNodes.HQ_USER);
        KafkaFeedNodes.createDistrictTopic(broker, LAHORE, 1);
        KafkaFeedNodes.createDistrictTopic(broker, RAWALPINDI, 1);
        broker.allowConsumer(KafkaFeedNodes.HQ_USER, KafkaFeedNodes.TOPIC + ".", KafkaFeedNodes.GROUP);
    }

    @AfterClass
    public static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    public void districtCannotWriteOtherTopic() {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> produce(broker.clientSecurity(LAHORE), KafkaFeedNodes.topicOf(RAWALPINDI), RAWALPINDI, message(RAWALPINDI)));

        assertTrue(String.valueOf(e.getCause()), e.getCause() instanceof TopicAuthorizationException);
    }

    @Test
    public void hqCannotWriteDistrictTopic() {
        Exception e = assertThrows(Exception.class,
                () -> produce(broker.clientSecurity(KafkaFeedNodes.HQ_USER), KafkaFeedNodes.topicOf(LAHORE), LAHORE, message(LAHORE)));

        // HQ's user may write no topic, so the broker already rejects the idempotent producer's InitProducerId
        // (ClusterAuthorizationException) before the topic's WRITE check (TopicAuthorizationException). It arrives
        // from send() as a KafkaException when InitProducerId failed before the send, and from the send's future as
        // an ExecutionException otherwise, so the test searches the cause chain.
        assertTrue(String.valueOf(e), causedByAuthorization(e));
    }

    @Test
    public void wrongPasswordCannotLogIn() {
        Map<String, String> security = Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + LAHORE
                        + "\" password=\"wrong-password-" + UUID.randomUUID() + "\";",
                "ssl.truststore.type", "PEM", "ssl.truststore.location", broker.truststore().toString());

        Exception e = assertThrows(Exception.class, () -> produce(security, KafkaFeedNodes.topicOf(LAHORE), LAHORE, message(LAHORE)));

        Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
        assertTrue(String.valueOf(cause), cause instanceof SaslAuthenticationException);
    }

    @Test
    public void recordClaimingOtherDistrictSetAside() throws Exception {
        try (KafkaFeedNodes.Hq hq = new KafkaFeedNodes.Hq(directory.resolve("hq"))) {
            HqKafkaConsumer consumer = hq.startConsumer(broker, 20);
            try {
                // Lahore's user may write Lahore's topic, so only HQ's check stops a record that claims Rawalpindi.
                produce(broker.clientSecurity(LAHORE), KafkaFeedNodes.topicOf(LAHORE), RAWALPINDI, message(RAWALPINDI));
                String own = UUID.randomUUID().toString();
                produce(broker.clientSecurity(LAHORE), KafkaFeedNodes.topicOf(LAHORE), LAHORE, message(LAHORE, own));

                await("HQ to consume both records", () -> consumer.rejected() + consumer.stored() >= 2);

                assertEquals(1, consumer.rejected());
                assertEquals(1, consumer.stored());
                assertEquals(own, hq.database().queryString("SELECT event_id FROM hq_record"));
                String reason = hq.database().queryString("SELECT reason FROM hq_rejected_message");
                assertEquals("message claims province 'PB-RWP' but was produced to topic rescuegrid.uplink.PB-LHR of province 'PB-LHR'",
                        reason);
            } finally {
                consumer.deactivate();
            }
        }
    }

    private static void produce(Map<String, String> security, String topic, String key, String value) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        properties.putAll(security);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static String message(String province) {
        return message(province, UUID.randomUUID().toString());
    }

    /** Returns a position record in the uplink's message format. */
    private static String message(String province, String eventId) {
        String fixTime = "2026-12-04T10:00:00Z";
        return "{\"province\":\"" + province + "\",\"eventId\":\"" + eventId + "\",\"type\":\"position\",\"createdAt\":\"" + fixTime
                + "\",\"payload\":{\"eventId\":\"" + eventId + "\",\"vehicleId\":\"AMB-1\",\"fix\":{\"deviceId\":\"TRK-1\",\"fixTime\":\""
                + fixTime + "\",\"latitude\":31.52,\"longitude\":74.35,\"altitude\":214.5,\"speedKmh\":36.2,\"course\":181.0,"
                + "\"satellites\":9,\"hdop\":0.8,\"valid\":true}}}";
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.call()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + DEADLINE.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    private static boolean causedByAuthorization(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthorizationException) {
                return true;
            }
        }
        return false;
    }
}
