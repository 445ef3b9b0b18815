package org.rescuegrid.itest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rescuegrid.hq.internal.HqKafkaConsumer;

/**
 * Measures how fast HQ stores records from the Kafka uplink topic with one and with two HQ consumer nodes.
 * It fills the topics of 8 districts, one partition each, with position records in the uplink's message format,
 * then lets a fresh consumer group with a fresh HQ database drain it, and prints records per second from
 * the consumers' start (group join included) until HQ has every record. It runs 1, 2, 1, 2 consumers, so
 * the warm-up of the first run shows. The broker is the secured test broker: SASL_SSL with SCRAM-SHA-512
 * logins and ACLs, as the uplink runs in production.
 *
 * <p>Run after a build, from the integration-tests folder:
 * {@code java -cp "target/test-classes:<test class path>" org.rescuegrid.itest.KafkaIngestBenchmark [records]}.
 * Both consumers run in this JVM and share one embedded Derby database, so the figures measure the
 * consumer and the idempotent store on this machine, not a deployment of HQ nodes on separate machines.
 */
public final class KafkaIngestBenchmark {

    private static final int DISTRICTS = 8;
    private static final int MAX_POLL_RECORDS = 500;

    private KafkaIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path directory = Files.createTempDirectory(Path.of("target"), "kafka-ingest-");
        try (KafkaBroker broker = KafkaBroker.start(directory.resolve("broker"), KafkaFeedNodes.HQ_USER)) {
            for (int i = 0; i < DISTRICTS; i++) {
                broker.createTopic(KafkaFeedNodes.topicOf(district(i)), 1);
            }
            fill(broker, records);
            System.out.printf("topics %s.*: %d districts of 1 partition, %d position records%n", KafkaFeedNodes.TOPIC, DISTRICTS, records);
            // Two rounds, so that the first round's JIT and Derby warm-up shows rather than favouring the second setting.
            int round = 0;
            for (int consumers : new int[] {1, 2, 1, 2}) {
                round++;
                double rate = drain(broker, directory.resolve("hq-" + round), consumers, records);
                System.out.printf("HQ consumers: %d  records: %d  rate: %.0f records/s%n", consumers, records, rate);
            }
        }
    }

    private static String district(int index) {
        return "PB-D" + index;
    }

    /**
     * Produces the records as the district uplinks do (idempotent, acks=all, keyed by district), but as the
     * broker's super user, so one producer fills every district's topic.
     */
    private static void fill(KafkaBroker broker, int records) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.putAll(broker.clientSecurity(KafkaBroker.ADMIN));
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            Instant start = Instant.parse("2026-12-04T10:00:00Z");
            for (int i = 0; i < records; i++) {
                String district = district(i % DISTRICTS);
                producer.send(new ProducerRecord<>(KafkaFeedNodes.topicOf(district), district, message(district, i, start.plusSeconds(i))));
            }
            producer.flush();
        }
    }

    private static String message(String district, int index, Instant fixTime) {
        String eventId = UUID.randomUUID().toString();
        return "{\"province\":\"" + district + "\",\"eventId\":\"" + eventId + "\",\"type\":\"position\",\"createdAt\":\"" + fixTime
                + "\",\"payload\":{\"eventId\":\"" + eventId + "\",\"vehicleId\":\"AMB-" + district + "-" + (index % 20)
                + "\",\"fix\":{\"deviceId\":\"TRK-" + district + "-" + (index % 20) + "\",\"fixTime\":\"" + fixTime
                + "\",\"latitude\":31.52,\"longitude\":74.35,\"altitude\":214.5,\"speedKmh\":36.2,\"course\":181.0,"
                + "\"satellites\":9,\"hdop\":0.8,\"valid\":true}}}";
    }

    /** Starts a fresh group of HQ consumers on a fresh HQ database and returns records stored per second. */
    private static double drain(KafkaBroker broker, Path hqDirectory, int consumers, int records) throws Exception {
        try (KafkaFeedNodes.Hq hq = new KafkaFeedNodes.Hq(hqDirectory)) {
            String group = "bench-" + consumers + "-" + UUID.randomUUID();
            broker.allowConsumer(KafkaFeedNodes.HQ_USER, KafkaFeedNodes.TOPIC + ".", group);
            List<HqKafkaConsumer> running = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < consumers; i++) {
                running.add(new HqKafkaConsumer(hq.store(), KafkaFeedNodes.hqKafkaConfig(broker, MAX_POLL_RECORDS, group)));
            }
            Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
            while (hq.records() < records) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("HQ stored only " + hq.records() + " of " + records + " records in 10 minutes");
                }
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            for (HqKafkaConsumer consumer : running) {
                System.out.printf("  consumer partitions=%s stored=%d duplicates=%d%n", consumer.assignment(), consumer.stored(),
                        consumer.duplicates());
                consumer.deactivate();
            }
            return records / seconds;
        }
    }
}
