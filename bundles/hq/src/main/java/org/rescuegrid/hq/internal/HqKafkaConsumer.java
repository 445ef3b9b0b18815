package org.rescuegrid.hq.internal;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.rescuegrid.feed.support.KafkaClientSecurity;

/**
 * Consumes the districts' uplink topics as one member of HQ's consumer group, so that any number of HQ nodes
 * share the partitions. Each district produces to a topic of its own that only its Kafka user may write
 * (ACLs on the brokers), so the topic name proves the district and a message that claims another one is
 * set aside. Each poll is stored through {@link HqRecordStore}, one transaction per province,
 * and its offsets are committed only after those transactions. A node that stops before committing leaves
 * the records to the next owner of the partition, which stores each event id once.
 */
@Component(service = HqKafkaConsumer.class, immediate = true, configurationPid = HqKafkaSettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = HqKafkaConfig.class)
public class HqKafkaConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(HqKafkaConsumer.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(30);
    /** How often the consumer looks for new district topics. Kafka's default is 5 minutes. */
    private static final Duration TOPIC_DISCOVERY_INTERVAL = Duration.ofSeconds(60);

    private final HqRecordStore store;
    private final UplinkBacklogs backlogs;
    private final HqKafkaSettings settings;
    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile Set<TopicPartition> assignment = Set.of();
    private volatile boolean running = true;

    /** Creates a consumer that does not keep the backlog the districts report, for tests and benchmarks. */
    public HqKafkaConsumer(HqRecordStore store, HqKafkaConfig config) {
        this(store, null, config);
    }

    @Activate
    public HqKafkaConsumer(@Reference HqRecordStore store, @Reference UplinkBacklogs backlogs, HqKafkaConfig config) {
        this.store = store;
        this.backlogs = backlogs;
        this.settings = HqKafkaSettings.from(config);
        KafkaClientSecurity security = HqKafkaSettings.security(config);
        if (security.protocol() == KafkaClientSecurity.Protocol.PLAINTEXT) {
            LOG.warn("HQ Kafka consumer group={} connects with PLAINTEXT: records travel unencrypted and any client may write a"
                    + " district's topic; set securityProtocol=SASL_SSL or SSL outside a closed test network", settings.groupId());
        }
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        // kafka-clients loads its configured classes (assignors, deserializers) through the thread's context class
        // loader. In OSGi that is the caller's bundle, which does not see the client's internal packages. The SASL login
        // also happens here, and javax.security.auth.login.LoginContext loads Kafka's login module the same way.
        current.setContextClassLoader(KafkaConsumer.class.getClassLoader());
        try {
            this.consumer = new KafkaConsumer<>(consumerProperties(settings, security), new StringDeserializer(), new StringDeserializer());
        } finally {
            current.setContextClassLoader(previous);
        }
        this.thread = new Thread(this::run, "rescuegrid-hq-kafka-" + settings.groupId());
        thread.start();
        LOG.info("HQ Kafka consumer started: topics={} group={} brokers={} security={}", settings.provinceTopics(), settings.groupId(),
                settings.bootstrapServers(), security);
    }

    static Properties consumerProperties(HqKafkaSettings settings, KafkaClientSecurity security) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // A new group starts at the oldest record, so records produced before HQ first started are stored too.
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(settings.maxPollRecords()));
        properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, String.valueOf(settings.sessionTimeoutMs()));
        properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, String.valueOf(Math.min(3000, settings.sessionTimeoutMs() / 3)));
        properties.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, String.valueOf(TOPIC_DISCOVERY_INTERVAL.toMillis()));
        // Kafka's default RangeAssignor divides each topic on its own, so with one partition per district topic the
        // first member would get every partition. The sticky assignor spreads all partitions of all topics evenly.
        properties.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        properties.putAll(security.clientProperties());
        return properties;
    }

    /**
     * Stops polling after the current poll is stored and committed, then leaves the group so that the other
     * members take over its partitions at once, and closes the consumer.
     */
    @Deactivate
    public void deactivate() {
        running = false;
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
            if (thread.isAlive()) {
                // Still blocked after 10 s, for example in a commit while the brokers are unreachable.
                consumer.wakeup();
                thread.join(Duration.ofSeconds(20).toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("HQ Kafka consumer stopped: topics={} group={} stored={} duplicates={} rejected={}",
                settings.provinceTopics(), settings.groupId(), stored.get(), duplicates.get(), rejected.get());
    }

    /** Returns the number of records this node stored that HQ did not have before. */
    public long stored() {
        return stored.get();
    }

    /** Returns the number of records this node received that HQ already had. */
    public long duplicates() {
        return duplicates.get();
    }

    /** Returns the number of messages this node set aside in hq_rejected_message. */
    public long rejected() {
        return rejected.get();
    }

    /** Returns the partitions currently assigned to this node. */
    public Set<TopicPartition> assignment() {
        return assignment;
    }

    private void run() {
        try {
            consumer.subscribe(settings.provinceTopics(), new AssignmentLog());
            Duration retryWait = Duration.ZERO;
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(POLL_TIMEOUT);
                if (records.isEmpty()) {
                    continue;
                }
                try {
                    storeAll(records);
                    consumer.commitSync(nextOffsets(records));
                    retryWait = Duration.ZERO;
                } catch (SQLException | RuntimeException e) {
                    if (e instanceof WakeupException) {
                        throw (WakeupException) e;
                    }
                    retryWait = retryWait.isZero() ? Duration.ofSeconds(1) : min(retryWait.multipliedBy(2), MAX_RETRY_WAIT);
                    LOG.warn("HQ Kafka consumer group={} could not store {} records, reading them again in {}: {}",
                            settings.groupId(), records.count(), retryWait, e.toString());
                    rewind(records);
                    sleep(retryWait);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("HQ Kafka consumer group={} woken up unexpectedly and stopped", settings.groupId(), e);
            }
        } catch (KafkaException e) {
            LOG.error("HQ Kafka consumer group={} failed and stopped; restart the bundle after fixing the cause: {}",
                    settings.groupId(), e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(10));
            assignment = Set.of();
        }
    }

    /** Stores one poll: valid records through the store, by province in partition order, invalid messages aside. */
    private void storeAll(ConsumerRecords<String, String> records) throws SQLException {
        Map<String, List<ReceivedRecord>> byProvince = new LinkedHashMap<>();
        Map<String, List<ConsumerRecord<String, String>>> sourceByProvince = new HashMap<>();
        List<HqRecordStore.RejectedMessage> invalid = new ArrayList<>();
        Map<String, ReportedBacklog> lastBacklog = new HashMap<>();
        for (ConsumerRecord<String, String> message : records) {
            try {
                UplinkMessage parsed = parse(message, settings.provinceOf(message.topic()));
                if (parsed.backlog() != null) {
                    lastBacklog.put(parsed.province(), parsed.backlog());
                }
                byProvince.computeIfAbsent(parsed.province(), p -> new ArrayList<>()).add(parsed.record());
                sourceByProvince.computeIfAbsent(parsed.province(), p -> new ArrayList<>()).add(message);
            } catch (InvalidBatchException e) {
                invalid.add(rejection(message, eventIdOf(message.value()), e.getMessage()));
            }
        }

        for (Map.Entry<String, List<ReceivedRecord>> entry : byProvince.entrySet()) {
            List<ReceivedRecord> batch = new ArrayList<>(entry.getValue());
            List<ConsumerRecord<String, String>> sources = new ArrayList<>(sourceByProvince.get(entry.getKey()));
            while (!batch.isEmpty()) {
                try {
                    HqRecordStore.Outcome outcome = store.store(entry.getKey(), batch);
                    stored.addAndGet(outcome.accepted().size() - outcome.duplicates());
                    duplicates.addAndGet(outcome.duplicates());
                    break;
                } catch (InvalidBatchException e) {
                    if (e.rejections().isEmpty()) {
                        throw e;
                    }
                    // The store rolled back the whole transaction: set the invalid records aside and store the rest.
                    List<Integer> indexes = e.rejections().stream().map(InvalidBatchException.RecordRejection::index)
                            .sorted((a, b) -> b - a).toList();
                    for (int index : indexes) {
                        ConsumerRecord<String, String> source = sources.remove(index);
                        invalid.add(rejection(source, batch.remove(index).eventId(), e.rejections().stream()
                                .filter(r -> r.index() == index).findFirst().orElseThrow().reason()));
                    }
                }
            }
        }

        if (!invalid.isEmpty()) {
            for (HqRecordStore.RejectedMessage message : invalid) {
                LOG.warn("HQ Kafka consumer rejected message topic={} partition={} offset={} key={} event={}: {}", message.topic(),
                        message.partition(), message.offset(), message.key(), message.eventId(), message.reason());
            }
            rejected.addAndGet(store.storeRejected(invalid));
        }
        recordBacklogs(lastBacklog);
    }

    /** Keeps the backlog of the last message of each district; a failure only costs the dashboard a figure. */
    private void recordBacklogs(Map<String, ReportedBacklog> lastBacklog) {
        if (backlogs == null) {
            return;
        }
        Instant now = Instant.now();
        for (Map.Entry<String, ReportedBacklog> entry : lastBacklog.entrySet()) {
            try {
                backlogs.record(entry.getKey(), entry.getValue(), now);
            } catch (SQLException e) {
                LOG.warn("province={} uplink backlog could not be stored: {}", entry.getKey(), e.getMessage());
            }
        }
    }

    /** A message of the uplink topic after validation: its province and its record. */
    record UplinkMessage(String province, ReceivedRecord record, ReportedBacklog backlog) {
    }

    /**
     * Validates a message of the topic of {@code topicProvince} and returns it with its record. Throws
     * {@link InvalidBatchException} when it is not a record, or when its key or province field names another
     * province than its topic.
     */
    static UplinkMessage parse(ConsumerRecord<String, String> message, String topicProvince) {
        JsonNode value;
        try {
            value = message.value() == null ? null : MAPPER.readTree(message.value());
        } catch (IOException e) {
            throw new InvalidBatchException("message value is not JSON: " + e.getMessage());
        }
        if (value == null || !value.isObject()) {
            throw new InvalidBatchException("message value must be a JSON object with province, eventId, type, createdAt and payload");
        }
        JsonNode province = value.get("province");
        if (province == null || !province.isTextual() || province.asText().isBlank()) {
            throw new InvalidBatchException("message field 'province' is missing or not a string");
        }
        // Only the district's Kafka user may write its topic, so the topic, not the message, names the district.
        if (!province.asText().equals(topicProvince)) {
            throw new InvalidBatchException("message claims province '" + province.asText() + "' but was produced to topic "
                    + message.topic() + " of province '" + topicProvince + "'");
        }
        if (!topicProvince.equals(message.key())) {
            throw new InvalidBatchException("message key '" + message.key() + "' differs from its province '" + topicProvince + "'");
        }
        return new UplinkMessage(province.asText(), BatchRequest.record(value, "message"), ReportedBacklog.from(value));
    }

    private static String eventIdOf(String value) {
        try {
            JsonNode node = value == null ? null : MAPPER.readTree(value);
            JsonNode eventId = node == null ? null : node.get("eventId");
            return eventId == null || !eventId.isTextual() ? null : eventId.asText();
        } catch (IOException e) {
            return null;
        }
    }

    private static HqRecordStore.RejectedMessage rejection(ConsumerRecord<String, String> message, String eventId, String reason) {
        return new HqRecordStore.RejectedMessage(message.topic(), message.partition(), message.offset(), message.key(), eventId, reason,
                message.value());
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, String> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, String>> list = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(list.get(list.size() - 1).offset() + 1));
        }
        return offsets;
    }

    /** Moves every partition of a poll that failed back to its first record, so the next poll delivers them again. */
    private void rewind(ConsumerRecords<String, String> records) {
        for (TopicPartition partition : records.partitions()) {
            if (consumer.assignment().contains(partition)) {
                consumer.seek(partition, records.records(partition).get(0).offset());
            }
        }
    }

    private void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Logs partition moves, which show an HQ node taking over from another. */
    private final class AssignmentLog implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Set<TopicPartition> remaining = new HashSet<>(assignment);
            remaining.removeAll(partitions);
            assignment = Set.copyOf(remaining);
            if (!partitions.isEmpty()) {
                LOG.info("HQ Kafka consumer group={} gave up partitions {}", settings.groupId(), partitions);
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            assignment = Set.copyOf(consumer.assignment());
            if (!partitions.isEmpty()) {
                LOG.info("HQ Kafka consumer group={} took partitions {}", settings.groupId(), partitions);
            }
        }
    }
}
