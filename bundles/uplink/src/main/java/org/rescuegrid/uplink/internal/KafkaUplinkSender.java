package org.rescuegrid.uplink.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rescuegrid.feed.support.KafkaClientSecurity;
import org.rescuegrid.api.outbox.OutboxRecord;

/**
 * Produces outbox records to HQ's Kafka topic and reports which of them the brokers acknowledged. The
 * producer is idempotent with {@code acks=all}, so a retry inside the client neither duplicates nor
 * reorders records of one partition. Records go to the district's own topic (see
 * {@link UplinkSettings#kafkaProvinceTopic()}), keyed by the province code, so all records of one province
 * go to one partition in outbox order.
 */
final class KafkaUplinkSender implements AutoCloseable {

    /** Time the producer may wait to fill a batch before sending it. */
    private static final int LINGER_MS = 5;

    private final UplinkSettings settings;
    private final KafkaClientSecurity security;
    private final String topic;
    /** The producer, or null after the brokers rejected the login, until the next send creates a new one. */
    private volatile Producer<String, String> producer;
    private final Duration acknowledgementTimeout;

    KafkaUplinkSender(UplinkSettings settings, KafkaClientSecurity security) {
        this.settings = settings;
        this.security = security;
        this.topic = settings.kafkaProvinceTopic();
        this.acknowledgementTimeout = settings.requestTimeout().plusMillis(LINGER_MS).plusSeconds(5);
        this.producer = createProducer();
    }

    private Producer<String, String> createProducer() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // kafka-clients loads its configured classes through the thread's context class loader. In OSGi that is
        // the caller's bundle, which does not see the client's internal packages. The SASL login also happens here,
        // and javax.security.auth.login.LoginContext loads Kafka's login module through the same class loader.
        thread.setContextClassLoader(KafkaProducer.class.getClassLoader());
        try {
            return new KafkaProducer<>(producerProperties(settings, security), new StringSerializer(), new StringSerializer());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static Properties producerProperties(UplinkSettings settings, KafkaClientSecurity security) {
        int timeoutMs = (int) settings.requestTimeout().toMillis();
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers());
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "rescuegrid-uplink-" + settings.province());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // Five is the maximum at which the idempotent producer still keeps the order of a partition.
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(LINGER_MS));
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(timeoutMs));
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms.
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(timeoutMs + LINGER_MS));
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(timeoutMs));
        properties.putAll(security.clientProperties());
        return properties;
    }

    /**
     * Result of sending one batch.
     *
     * @param acknowledged sequences of the records the brokers acknowledged, in outbox order, up to the first failure
     * @param rejected reasons by sequence of records Kafka rejects for their content (too large, invalid)
     * @param failure the first failure that resending may cure, or null when every record was acknowledged or rejected
     */
    record Outcome(List<Long> acknowledged, Map<Long, String> rejected, Exception failure) {
    }

    /** Produces the records in order and waits for every acknowledgement, at most the request timeout plus five seconds. */
    Outcome send(List<OutboxRecord> batch, Backlog backlog) {
        if (producer == null) {
            producer = createProducer();
        }
        List<Future<RecordMetadata>> pending = new ArrayList<>(batch.size());
        Map<Long, String> rejected = new LinkedHashMap<>();
        Exception failure = null;
        for (OutboxRecord record : batch) {
            try {
                String value = BatchCodec.encodeRecord(settings.province(), record, backlog);
                pending.add(producer.send(new ProducerRecord<>(topic, settings.province(), value)));
            } catch (RecordTooLargeException | InvalidRecordException e) {
                rejected.put(record.sequence(), "Kafka rejected the record: " + e.getMessage());
                pending.add(null);
            } catch (KafkaException | IllegalStateException e) {
                // send() throws when metadata is not available within max.block.ms, for example while the brokers are down.
                failure = explained(e);
                break;
            }
        }

        long deadline = System.nanoTime() + acknowledgementTimeout.toNanos();
        List<Long> acknowledged = new ArrayList<>(pending.size());
        for (int i = 0; i < pending.size(); i++) {
            Future<RecordMetadata> future = pending.get(i);
            if (future == null) {
                continue;
            }
            long sequence = batch.get(i).sequence();
            try {
                future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                // Records acknowledged after a failed one stay in the outbox, so HQ receives them again after the
                // failed one and the province's order holds. HQ stores each event id once.
                if (failure == null) {
                    acknowledged.add(sequence);
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RecordTooLargeException || cause instanceof InvalidRecordException) {
                    rejected.put(sequence, "Kafka rejected the record: " + cause.getMessage());
                } else if (failure == null) {
                    failure = explained(cause instanceof Exception exception ? exception : e);
                }
            } catch (TimeoutException e) {
                if (failure == null) {
                    failure = new TimeoutException("no acknowledgement from Kafka within " + acknowledgementTimeout.toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) {
                    failure = e;
                }
                break;
            }
        }
        if (failure != null && failure.getCause() instanceof AuthenticationException) {
            // A producer whose login failed keeps reconnecting in the background and logs each attempt. Closing
            // it limits the attempts to one per uplink retry, which backs off up to maxBackoffSeconds.
            producer.close(Duration.ZERO);
            producer = null;
        }
        return new Outcome(acknowledged, rejected, failure);
    }

    /**
     * Returns the failure with a sentence that names the fix when the brokers rejected this node's login or
     * its right to write the topic, and the failure itself otherwise.
     */
    private Exception explained(Exception failure) {
        if (failure instanceof AuthenticationException && security.protocol() == KafkaClientSecurity.Protocol.SSL) {
            return new IllegalStateException("Kafka rejected the TLS handshake with the client certificate of user " + security.username()
                    + " (" + failure.getMessage() + "); check that the brokers' SSL listener trusts the CA that signed keyStore and"
                    + " that the certificate has not expired", failure);
        }
        if (failure instanceof AuthenticationException) {
            return new IllegalStateException("Kafka rejected the login of user " + security.username() + " (" + failure.getMessage()
                    + "); check kafkaUsername and the password file of kafkaPassword against the user HQ created", failure);
        }
        if (failure instanceof TopicAuthorizationException || failure instanceof ClusterAuthorizationException) {
            String user = security.username() == null ? "ANONYMOUS" : security.username();
            return new IllegalStateException("Kafka denied user " + user + " writing to topic " + topic + " ("
                    + failure.getMessage() + "); HQ must allow WRITE on the topic for this user, and province must be the district"
                    + " the user belongs to", failure);
        }
        return failure;
    }

    @Override
    public void close() {
        Producer<String, String> current = producer;
        if (current != null) {
            current.close(Duration.ofSeconds(5));
        }
    }
}
