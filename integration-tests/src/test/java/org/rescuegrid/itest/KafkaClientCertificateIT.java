package org.rescuegrid.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.rescuegrid.hq.internal.HqKafkaConsumer;
import org.rescuegrid.testing.TestPki;

/**
 * Districts and HQ authenticate to the broker with client certificates (security.protocol=SSL) instead of SCRAM
 * logins. The broker maps a certificate's CN to the Kafka user, so the per-district topic ACLs decide as they do
 * for SCRAM users. The CA and the certificates are made with keytool when the test starts, so no key is committed.
 */
public class KafkaClientCertificateIT {

    private static final String LAHORE = "PB-LHR";
    private static final String RAWALPINDI = "PB-RWP";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private static Path directory;
    private static TestPki pki;
    private static KafkaBroker broker;

    @BeforeClass
    public static void startBroker() throws Exception {
        directory = Files.createTempDirectory(Path.of("target"), "kafka-certificates-").toAbsolutePath();
        pki = TestPki.create(directory, "pki-" + UUID.randomUUID());
        pki.issue("pb-lhr", LAHORE, false);
        pki.issue("pb-rwp", RAWALPINDI, false);
        pki.issue("hq", KafkaFeedNodes.HQ_USER, false);
        pki.selfSigned("impostor", LAHORE);
        broker = KafkaBroker.start(directory.resolve("broker"), directory.resolve("ca.crt"));
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
    public void certificateWritesOwnTopic() throws Exception {
        produce(certificate("pb-lhr"), KafkaFeedNodes.topicOf(LAHORE), LAHORE);
    }

    @Test
    public void certificateDeniedOtherTopic() {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> produce(certificate("pb-lhr"), KafkaFeedNodes.topicOf(RAWALPINDI), RAWALPINDI));

        assertTrue(String.valueOf(e.getCause()), e.getCause() instanceof TopicAuthorizationException);
    }

    @Test
    public void untrustedCertificateFailsHandshake() {
        Exception e = assertThrows(Exception.class, () -> produce(certificate("impostor"), KafkaFeedNodes.topicOf(LAHORE), LAHORE));

        assertTrue(String.valueOf(e), causedBy(e, SslAuthenticationException.class));
    }

    @Test
    public void uplinkAndHqUseCertificates() throws Exception {
        try (KafkaFeedNodes.Hq hq = new KafkaFeedNodes.Hq(directory.resolve("hq"));
                KafkaFeedNodes.District district = new KafkaFeedNodes.District(directory.resolve("district"),
                        KafkaFeedNodes.certificateUplinkConfig(RAWALPINDI, broker, directory.resolve("pb-rwp.p12"), pki.password()))) {
            HqKafkaConsumer consumer = hq.startConsumer(KafkaFeedNodes.certificateHqKafkaConfig(broker, directory.resolve("hq.p12"),
                    pki.password()));
            try {
                Set<String> eventIds = new HashSet<>();
                for (int i = 0; i < 5; i++) {
                    eventIds.add(district.storePosition("TRK-CERT", i));
                }

                await("HQ to store the district's 5 positions", () -> hq.records() >= eventIds.size());

                assertEquals(5, hq.database().queryLong("SELECT COUNT(*) FROM hq_record WHERE province = '" + RAWALPINDI + "'"));
                await("the district's outbox to drain", () -> district.backlog() == 0);
                for (String eventId : eventIds) {
                    assertEquals(eventId, 1, hq.database().queryLong("SELECT COUNT(*) FROM hq_record WHERE event_id = '" + eventId
                            + "' AND province = '" + RAWALPINDI + "'"));
                }
            } finally {
                consumer.deactivate();
            }
        }
    }

    /** Returns client properties that present the holder's certificate to the broker's SSL listener. */
    private static Map<String, String> certificate(String holder) {
        return Map.of("security.protocol", "SSL",
                "ssl.keystore.type", "PKCS12",
                "ssl.keystore.location", directory.resolve(holder + ".p12").toString(),
                "ssl.keystore.password", pki.password(),
                "ssl.key.password", pki.password(),
                "ssl.truststore.type", "PEM",
                "ssl.truststore.location", broker.truststore().toString());
    }

    private static void produce(Map<String, String> security, String topic, String province) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.sslBootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        properties.putAll(security);
        String eventId = UUID.randomUUID().toString();
        String value = "{\"province\":\"" + province + "\",\"eventId\":\"" + eventId + "\",\"type\":\"position\"}";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, province, value)).get(30, TimeUnit.SECONDS);
        }
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

    private static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
