package org.rescuegrid.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.rescuegrid.hq.internal.HqKafkaConsumer;

/**
 * The uplink over a real Kafka broker: one district produces a stream of positions, two HQ consumer nodes
 * share the topic as one consumer group, and the node that owns the district's partition is stopped
 * mid-stream. The other must take the partition over, and HQ must end with every record exactly once. The
 * broker takes SASL_SSL logins only and ACLs decide what each user may do, as in production.
 * Plain Java rather than Pax Exam, because two HQ Karaf containers in one test class would not fit the
 * time of one integration test class; the nodes run the bundles' own classes (see {@link KafkaFeedNodes}).
 */
public class KafkaFailoverIT {

    private static final int RECORDS = 600;
    private static final String DISTRICT = "PB-LHR";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private static Path directory;
    private static KafkaBroker broker;

    @BeforeClass
    public static void startBroker() throws Exception {
        directory = Files.createTempDirectory(Path.of("target"), "kafka-failover-");
        broker = KafkaBroker.start(directory.resolve("broker"), DISTRICT, KafkaFeedNodes.HQ_USER);
        KafkaFeedNodes.createDistrictTopic(broker, DISTRICT, 4);
        broker.allowConsumer(KafkaFeedNodes.HQ_USER, KafkaFeedNodes.TOPIC + ".", KafkaFeedNodes.GROUP);
    }

    @AfterClass
    public static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    public void secondHqTakesOverWithoutLossOrDuplicate() throws Exception {
        try (KafkaFeedNodes.Hq hq = new KafkaFeedNodes.Hq(directory.resolve("hq"));
                KafkaFeedNodes.District district = new KafkaFeedNodes.District(directory.resolve("district"), DISTRICT,
                        broker, 50)) {
            HqKafkaConsumer first = hq.startConsumer(broker, 20);
            HqKafkaConsumer second = hq.startConsumer(broker, 20);
            List<HqKafkaConsumer> running = new ArrayList<>(List.of(first, second));
            try {
                await("both HQ nodes to join the group and share the 4 partitions",
                        () -> first.assignment().size() + second.assignment().size() == 4 && !first.assignment().isEmpty()
                                && !second.assignment().isEmpty());

                AtomicReference<Throwable> producerFailure = new AtomicReference<>();
                Thread producer = new Thread(() -> {
                    try {
                        for (int i = 0; i < RECORDS; i++) {
                            district.storePosition("TRK-LHR-" + (i % 5), i);
                            if (i % 50 == 49) {
                                pause(Duration.ofMillis(40));
                            }
                        }
                    } catch (RuntimeException | Error e) {
                        producerFailure.set(e);
                    }
                }, "district-positions");
                producer.start();

                await("HQ to store 150 records", () -> {
                    if (producerFailure.get() != null) {
                        throw new AssertionError("storing positions at the district failed", producerFailure.get());
                    }
                    return hq.records() >= 150;
                });
                // All records of one district share a key, so one partition and one HQ node carry them.
                HqKafkaConsumer owner = first.stored() > 0 ? first : second;
                HqKafkaConsumer survivor = owner == first ? second : first;
                long storedBySurvivorBefore = survivor.stored();
                long hqRecordsAtStop = hq.records();
                owner.deactivate();
                running.remove(owner);

                producer.join(DEADLINE.toMillis());
                assertEquals(null, producerFailure.get());
                await("the district's outbox to empty", () -> district.backlog() == 0);
                await("HQ to store all " + RECORDS + " records", () -> hq.records() >= RECORDS);
                pause(Duration.ofSeconds(1));

                assertTrue("the stop must come mid-stream, HQ had " + hqRecordsAtStop, hqRecordsAtStop < RECORDS);
                assertEquals(0, storedBySurvivorBefore);
                assertTrue("the surviving HQ node must store the rest, stored " + survivor.stored(), survivor.stored() > 0);
                assertEquals(RECORDS, hq.records());
                assertEquals(RECORDS, owner.stored() + survivor.stored());
                assertEquals(0, owner.rejected() + survivor.rejected());
                assertEquals(eventIds(district.database().dataSource(), "SELECT event_id FROM position_fix ORDER BY event_id"),
                        eventIds(hq.database().dataSource(), "SELECT event_id FROM hq_record ORDER BY event_id"));
                assertEquals(RECORDS, hq.database().queryLong("SELECT COUNT(*) FROM hq_position"));
                assertEquals(0, district.database().queryLong("SELECT COUNT(*) FROM outbox_rejected"));
                assertEquals(RECORDS, district.uplink().status().sent());
                assertEquals("kafka", district.uplink().status().transport());
            } finally {
                for (HqKafkaConsumer consumer : running) {
                    consumer.deactivate();
                }
            }
        }
    }

    private static List<String> eventIds(DataSource dataSource, String sql) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
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

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
