package org.rescuegrid.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.replaceConfigurationFile;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.api.uplink.UplinkMonitor;
import org.rescuegrid.api.uplink.UplinkStatus;

/**
 * The uplink over Kafka inside Karaf: the node's uplink runs with transport=kafka and HQ's Kafka consumer
 * in the same container, both logging in to a secured broker (SASL_SSL, SCRAM-SHA-512, ACLs) that the test
 * JVM starts before the container boots, with a certificate and passwords created for this run. Records
 * must reach HQ once, and a district with a wrong password must be rejected with a WARN and keep its outbox.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KafkaUplinkIT extends RescueGridTestSupport {

    private static final String UPLINK_PID = "org.rescuegrid.uplink";
    private static final String HQ_USER = "hq";
    private static final String TOPIC_PREFIX = "rescuegrid.uplink";

    /** Started in the test JVM by {@link #config()}; the container reaches it over 127.0.0.1. */
    private static KafkaBroker broker;

    @Inject
    @Filter(timeout = 120_000)
    private ConfigurationAdmin configurationAdmin;

    // Pax Exam looks for the annotation on the method it calls, so the override repeats it.
    @Override
    @Configuration
    public Option[] config() throws IOException {
        try {
            startBroker();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the Kafka broker", e);
        }
        return OptionUtils.combine(super.config(),
                editConfigurationFilePut("etc/" + UPLINK_PID + ".cfg", "transport", "kafka"),
                editConfigurationFilePut("etc/" + UPLINK_PID + ".cfg", "kafkaBootstrapServers", broker.bootstrapServers()),
                editConfigurationFilePut("etc/" + UPLINK_PID + ".cfg", "kafkaTopic", TOPIC_PREFIX),
                editConfigurationFilePut("etc/" + UPLINK_PID + ".cfg", "kafkaUsername", PROVINCE),
                editConfigurationFilePut("etc/" + UPLINK_PID + ".cfg", "kafkaPassword", "$[secret:uplink.kafka.password]"),
                editConfigurationFilePut("etc/" + UPLINK_PID + ".cfg", "kafkaTruststorePath", broker.truststore().toString()),
                replaceConfigurationFile("etc/uplink.kafka.password", secretFile(broker.password(PROVINCE))),
                editConfigurationFilePut("etc/org.rescuegrid.hq.kafka.cfg", "bootstrapServers", broker.bootstrapServers()),
                editConfigurationFilePut("etc/org.rescuegrid.hq.kafka.cfg", "topic", TOPIC_PREFIX),
                editConfigurationFilePut("etc/org.rescuegrid.hq.kafka.cfg", "sessionTimeoutMs", "6000"),
                editConfigurationFilePut("etc/org.rescuegrid.hq.kafka.cfg", "username", HQ_USER),
                editConfigurationFilePut("etc/org.rescuegrid.hq.kafka.cfg", "password", "$[secret:hq.kafka.password]"),
                editConfigurationFilePut("etc/org.rescuegrid.hq.kafka.cfg", "truststorePath", broker.truststore().toString()),
                replaceConfigurationFile("etc/hq.kafka.password", secretFile(broker.password(HQ_USER))));
    }

    private static synchronized void startBroker() throws IOException, InterruptedException {
        if (broker != null) {
            return;
        }
        Path directory = Files.createTempDirectory(Path.of("target"), "kafka-uplink-it-");
        broker = KafkaBroker.start(directory.resolve("broker"), PROVINCE, HQ_USER);
        // NOTE: @AfterClass runs inside the container, so the test JVM stops the broker when it exits.
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-test-broker-stop"));
        String topic = TOPIC_PREFIX + "." + PROVINCE;
        broker.createTopic(topic, 1);
        broker.allowProducer(PROVINCE, topic);
        broker.allowConsumer(HQ_USER, TOPIC_PREFIX + ".", "rescuegrid-hq");
    }

    private static File secretFile(String secret) throws IOException {
        File file = File.createTempFile("kafka", ".password");
        Files.writeString(file.toPath(), secret, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    public void positionsReachHqOnceOverKafka() {
        assertEquals("kafka", uplinkStatus().transport());
        String deviceId = uniqueDeviceId("IT-KAFKA");

        Set<String> stored = storePositions(deviceId, 20);

        waitFor("HQ to store the 20 positions it consumed from Kafka", () -> hqEventIds(deviceId).size() == 20);
        waitFor("the outbox to drain", () -> uplinkStatus() != null && uplinkStatus().backlog() == 0);
        assertEquals(stored, hqEventIds(deviceId));
        assertEquals("HQ holds each event exactly once", 20, hqRecordCount(stored));
    }

    @Test
    public void wrongPasswordRejectedAndOutboxKept() throws Exception {
        String wrongPassword = "wrong-password-" + UUID.randomUUID();
        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration(UPLINK_PID, "?");
        Dictionary<String, Object> original = configuration.getProperties();
        Dictionary<String, Object> wrong = new Hashtable<>();
        for (String key : Collections.list(original.keys())) {
            wrong.put(key, original.get(key));
        }
        wrong.put("kafkaPassword", wrongPassword);

        long previousUplink = uplinkServiceId();
        configuration.update(wrong);
        String deviceId = uniqueDeviceId("IT-KAFKA-DENIED");
        Set<String> keptEventIds;
        try {
            waitFor("the uplink to restart with the wrong password", () -> uplinkServiceId() != previousUplink);
            keptEventIds = storePositions(deviceId, 3);

            waitFor("the uplink to report the rejected login", () -> {
                UplinkStatus current = uplinkStatus();
                return current != null && current.lastError() != null
                        && current.lastError().contains("Kafka rejected the login of user " + PROVINCE);
            });
            UplinkStatus status = uplinkStatus();
            assertTrue("the records stay in the outbox, backlog " + status.backlog(), status.backlog() >= 3);
            assertEquals("HQ received nothing from the rejected district", Set.of(), hqEventIds(deviceId));

            String log = Files.readString(Path.of(System.getProperty("karaf.data"), "log", "karaf.log"), StandardCharsets.UTF_8);
            assertTrue("a WARN names the district, the topic and the rejected login", log.lines().anyMatch(line -> line.contains("WARN")
                    && line.contains("province=" + PROVINCE + " upload to kafka topic " + TOPIC_PREFIX + "." + PROVINCE)
                    && line.contains("Kafka rejected the login of user " + PROVINCE)));
            assertFalse("the log must not contain the wrong password", log.contains(wrongPassword));
            String password = Files.readString(Path.of(System.getProperty("karaf.etc"), "uplink.kafka.password")).strip();
            assertFalse("the log must not contain the district's password", log.contains(password));
        } finally {
            long wrongUplink = uplinkServiceId();
            configuration.update(original);
            waitFor("the uplink to restart with the right password", () -> uplinkServiceId() != wrongUplink);
        }

        waitFor("the kept records to reach HQ once the password is right", () -> hqEventIds(deviceId).size() == 3);
        assertEquals(keptEventIds, hqEventIds(deviceId));
        assertEquals(3, hqRecordCount(keptEventIds));
    }

    private Set<String> storePositions(String deviceId, int count) {
        Set<String> eventIds = new TreeSet<>();
        Instant start = Instant.now().minusSeconds(count);
        for (int i = 0; i < count; i++) {
            PositionFix fix = new PositionFix(deviceId, start.plusSeconds(i), 31.52 + i / 10_000.0, 74.35, 214.5, 36.2, 181.0, 9, 0.8, true);
            eventIds.add(positions.store(fix).eventId());
        }
        return eventIds;
    }

    /**
     * Returns the status of the uplink service registered now, or null while none is. A configuration change
     * replaces the service Pax Exam injected. Config Admin can deliver one update twice, because Karaf's
     * FileInstall writes it to the .cfg file and may read the file back as a new change.
     */
    private UplinkStatus uplinkStatus() {
        ServiceReference<UplinkMonitor> reference = bundleContext.getServiceReference(UplinkMonitor.class);
        UplinkMonitor monitor = reference == null ? null : bundleContext.getService(reference);
        if (monitor == null) {
            return null;
        }
        try {
            return monitor.status();
        } finally {
            bundleContext.ungetService(reference);
        }
    }

    /** Returns the service id of the registered uplink, or -1 while none is registered. */
    private long uplinkServiceId() {
        ServiceReference<UplinkMonitor> reference = bundleContext.getServiceReference(UplinkMonitor.class);
        return reference == null ? -1 : (Long) reference.getProperty(Constants.SERVICE_ID);
    }
}
