package org.rescuegrid.uplink.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.net.ssl.SSLException;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.rescuegrid.feed.support.KafkaClientSecurity;
import org.rescuegrid.api.outbox.Outbox;
import org.rescuegrid.api.outbox.OutboxRecord;
import org.rescuegrid.api.uplink.UplinkMonitor;
import org.rescuegrid.api.uplink.UplinkStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox to HQ over HTTP or Kafka, as configured. Each timer tick sends batches until the outbox
 * is empty or a request fails. Over HTTP, records leave the outbox only when HQ lists them as committed;
 * over Kafka, only when the brokers acknowledged them ({@code acks=all}). A lost response means a resend
 * that HQ deduplicates by event id, never a loss. Records HQ rejects for their content (a 400 response that lists them) are
 * moved to the outbox's rejected records with HQ's reason, because resending them cannot succeed and
 * they would block every record behind them. Every batch and every Kafka message reports the outbox backlog
 * behind it (see {@link BacklogGauge}), which HQ shows as the district's data health.
 */
@Component(service = {RoutesBuilder.class, UplinkMonitor.class}, configurationPid = "org.rescuegrid.uplink",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = UplinkConfig.class)
public class UplinkRoutes extends RouteBuilder implements UplinkMonitor {

    static final String ROUTE_ID = "rescuegrid-uplink";
    static final String MORE = "RescueGridUplinkMore";
    static final String BATCH = "RescueGridUplinkBatch";
    static final String BACKLOG = "RescueGridUplinkBacklog";
    static final String TLS_BEAN = "rescuegrid-uplink-tls";

    private static final Logger LOG = LoggerFactory.getLogger(UplinkRoutes.class);

    private final Outbox outbox;
    private final UplinkSettings settings;
    private final UplinkState state;
    private final KafkaUplinkSender kafka;
    private final BacklogGauge backlogGauge;
    private final UplinkTls tls;
    // Written and read on the route's timer thread only.
    private boolean lastFailureWasTls;

    /** Creates an uplink with a history of its own, for tests and tools that run it outside OSGi. */
    public UplinkRoutes(Outbox outbox, UplinkConfig config) {
        this(outbox, config, new UplinkHistory());
    }

    @Activate
    public UplinkRoutes(@Reference Outbox outbox, UplinkConfig config, @Reference UplinkHistory history) {
        this.outbox = outbox;
        this.settings = UplinkSettings.from(config);
        this.state = new UplinkState(Clock.systemUTC(), settings.maxBackoff(), history);
        logChanges(settings.province(), history.replaceConfig(config), config);
        this.backlogGauge = new BacklogGauge(outbox::backlog, Clock.systemUTC());
        String etcProperty = System.getProperty("karaf.etc");
        Path etc = etcProperty == null ? null : Path.of(etcProperty);
        this.kafka = settings.transport() == UplinkSettings.Transport.KAFKA ? kafkaSender(settings, config, etc) : null;
        this.tls = kafka == null ? UplinkTls.from(config, settings.hqUrl(), etc) : null;
        if (tls != null) {
            LOG.info("province={} uplink uses TLS {}", settings.province(), tls.mutual() ? "with this district's client certificate"
                    : "without a client certificate, authenticated by its token");
        }
        LOG.info("province={} uplink started to {} in batches of {}", settings.province(), settings.destination(), settings.batchSize());
    }

    /** Logs which keys a configuration change altered, naming secret keys without their values. */
    private static void logChanges(String province, UplinkConfig previous, UplinkConfig current) {
        if (previous == null) {
            return;
        }
        List<String> changes = UplinkConfigChanges.between(previous, current);
        LOG.info("province={} uplink reconfigured: {}", province, changes.isEmpty() ? "no key changed" : String.join(", ", changes));
    }

    private static KafkaUplinkSender kafkaSender(UplinkSettings settings, UplinkConfig config, Path etc) {
        KafkaClientSecurity security = UplinkSettings.kafkaSecurity(config, etc);
        if (security.protocol() == KafkaClientSecurity.Protocol.PLAINTEXT) {
            LOG.warn("province={} uplink connects to Kafka with PLAINTEXT: records travel unencrypted and any client may write"
                    + " this district's topic; set kafkaSecurityProtocol=SASL_SSL or SSL outside a closed test network", settings.province());
        } else {
            LOG.info("province={} uplink connects to Kafka with {}", settings.province(), security);
        }
        return new KafkaUplinkSender(settings, security);
    }

    /** Stops the Kafka producer, if any, after the bus has removed the route. */
    @Deactivate
    public void deactivate() {
        if (kafka != null) {
            kafka.close();
        }
        LOG.info("province={} uplink stopped with {} records waiting", settings.province(), safeBacklog());
    }

    @Override
    public void configure() {
        if (kafka != null) {
            from("timer:" + ROUTE_ID + "?delay=1000&period=" + settings.pollIntervalMs())
                    .routeId(ROUTE_ID)
                    .setProperty(MORE, constant(true))
                    .loopDoWhile(exchangeProperty(MORE).isEqualTo(true))
                        .process(this::readBatch)
                        .filter(exchangeProperty(BATCH).isNotNull())
                            .doTry()
                                .process(this::produce)
                            .doCatch(Exception.class)
                                .process(this::failed)
                            .end()
                        .end()
                    .end();
            return;
        }

        long timeoutMs = settings.requestTimeout().toMillis();
        String separator = settings.hqUrl().getRawQuery() == null ? "?" : "&";
        String hq = settings.hqUrl() + separator + "throwExceptionOnFailure=true&connectTimeout=" + timeoutMs
                + "&responseTimeout=" + timeoutMs + "&connectionRequestTimeout=" + timeoutMs;
        if (tls != null) {
            getContext().getRegistry().bind(TLS_BEAN, tls.sslContextParameters());
            hq += "&sslContextParameters=#" + TLS_BEAN;
        }

        from("timer:" + ROUTE_ID + "?delay=1000&period=" + settings.pollIntervalMs())
                .routeId(ROUTE_ID)
                .setProperty(MORE, constant(true))
                .loopDoWhile(exchangeProperty(MORE).isEqualTo(true))
                    .process(this::readBatch)
                    .filter(exchangeProperty(BATCH).isNotNull())
                        .doTry()
                            .to(hq)
                            .process(this::confirm)
                        .doCatch(Exception.class)
                            .process(this::failed)
                        .end()
                    .end()
                .end();
    }

    @Override
    public UplinkStatus status() {
        return new UplinkStatus(safeBacklog(), state.sent(), state.lastSuccess(), state.lastError(), state.lastErrorAt(), state.nextAttempt(),
                safeRejectedCount(), settings.transport().configName());
    }

    private void readBatch(Exchange exchange) {
        exchange.removeProperty(BATCH);
        if (!state.mayAttempt()) {
            exchange.setProperty(MORE, false);
            return;
        }
        List<OutboxRecord> batch = outbox.peek(settings.batchSize());
        if (batch.isEmpty()) {
            exchange.setProperty(MORE, false);
            return;
        }

        exchange.setProperty(BATCH, batch);
        Backlog backlog = backlogGauge.behind(batch, settings.batchSize());
        exchange.setProperty(BACKLOG, backlog);
        if (kafka != null) {
            return;
        }
        String batchId = UUID.randomUUID().toString();
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        if (!settings.token().isEmpty()) {
            exchange.getMessage().setHeader("Authorization", "Bearer " + settings.token());
        }
        exchange.getMessage().setHeader("X-RescueGrid-Province", settings.province());
        exchange.getMessage().setBody(BatchCodec.encode(settings.province(), batchId, batch, backlog));
        LOG.debug("province={} batch={} sending {} records", settings.province(), batchId, batch.size());
    }

    @SuppressWarnings("unchecked")
    private void confirm(Exchange exchange) {
        List<OutboxRecord> batch = exchange.getProperty(BATCH, List.class);
        Set<String> accepted = BatchCodec.acceptedEventIds(exchange.getMessage().getBody(String.class));

        List<Long> confirmed = new ArrayList<>();
        for (OutboxRecord record : batch) {
            if (accepted.contains(record.eventId())) {
                confirmed.add(record.sequence());
            }
        }
        outbox.remove(confirmed);

        int failuresBefore = state.succeeded(confirmed.size());
        if (failuresBefore > 0) {
            LOG.info("province={} uplink reconnected to {} after {} failed attempts", settings.province(), settings.destination(), failuresBefore);
        }
        if (confirmed.size() < batch.size()) {
            LOG.warn("province={} HQ confirmed {} of {} records; the rest stay in the outbox and are sent again",
                    settings.province(), confirmed.size(), batch.size());
            exchange.setProperty(MORE, false);
            return;
        }
        exchange.setProperty(MORE, batch.size() == settings.batchSize());
    }

    /**
     * Produces a batch to Kafka and removes from the outbox the records the brokers acknowledged. Throws when
     * some were not acknowledged, so that the route backs off like after a failed HTTP request.
     */
    @SuppressWarnings("unchecked")
    private void produce(Exchange exchange) {
        List<OutboxRecord> batch = exchange.getProperty(BATCH, List.class);
        KafkaUplinkSender.Outcome outcome = kafka.send(batch, exchange.getProperty(BACKLOG, Backlog.class));

        if (!outcome.rejected().isEmpty()) {
            for (OutboxRecord record : batch) {
                String reason = outcome.rejected().get(record.sequence());
                if (reason != null) {
                    LOG.warn("province={} event={} seq={} type={} rejected and set aside in outbox_rejected: {}",
                            settings.province(), record.eventId(), record.sequence(), record.recordType(), reason);
                }
            }
            outbox.reject(outcome.rejected());
        }
        outbox.remove(outcome.acknowledged());
        if (!outcome.acknowledged().isEmpty() || !outcome.rejected().isEmpty()) {
            int failuresBefore = state.succeeded(outcome.acknowledged().size());
            if (failuresBefore > 0) {
                LOG.info("province={} uplink reconnected to {} after {} failed attempts", settings.province(), settings.destination(), failuresBefore);
            }
        }
        if (outcome.failure() != null) {
            int unacknowledged = batch.size() - outcome.acknowledged().size() - outcome.rejected().size();
            throw new IllegalStateException("Kafka acknowledged " + outcome.acknowledged().size() + " of " + batch.size()
                    + " records, " + unacknowledged + " stay in the outbox: " + outcome.failure(), outcome.failure());
        }
        exchange.setProperty(MORE, batch.size() == settings.batchSize());
    }

    private void failed(Exchange exchange) {
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (error instanceof HttpOperationFailedException http && http.getStatusCode() == 400 && setAsideRejected(exchange, http)) {
            return;
        }
        String reason = error == null ? "unknown error" : error.getClass().getSimpleName() + ": " + error.getMessage();
        Duration wait = state.failed(reason);
        exchange.setProperty(MORE, false);

        // The first failure of a run is a WARN; repeats go to DEBUG so that a long outage is not a log flood.
        // A TLS failure after failures of another kind (HQ restarting, then rejecting the certificate) is a WARN too.
        SSLException tlsError = tlsFailure(error);
        boolean firstTlsFailure = tlsError != null && !lastFailureWasTls;
        lastFailureWasTls = tlsError != null;
        if (tlsError != null && (state.consecutiveFailures() == 1 || firstTlsFailure)) {
            LOG.warn("province={} TLS handshake with HQ at {} failed, records stay in the outbox and are retried with backoff;"
                    + " check keyStore and trustStore of org.rescuegrid.uplink and that HQ's CA signed this district's certificate: {}",
                    settings.province(), settings.destination(), tlsError.toString());
        } else if (state.consecutiveFailures() == 1 && error instanceof HttpOperationFailedException http && http.getStatusCode() == 403) {
            LOG.warn("province={} HQ at {} rejected this district (403), records stay in the outbox and are retried with backoff: {}",
                    settings.province(), settings.destination(), http.getResponseBody());
        } else if (state.consecutiveFailures() == 1) {
            LOG.warn("province={} upload to {} failed, records stay in the outbox and are retried with backoff: {}",
                    settings.province(), settings.destination(), reason);
        } else {
            LOG.debug("province={} upload attempt {} failed, next in {}: {}", settings.province(), state.consecutiveFailures(), wait, reason);
        }
    }

    /**
     * Moves the records a 400 response lists to the rejected records and returns true when at least one was
     * moved, so that the next batch goes out at once. Returns false when the response rejects the batch as
     * a whole or names no record of this batch, and the batch is retried with backoff like any failure.
     */
    @SuppressWarnings("unchecked")
    private boolean setAsideRejected(Exchange exchange, HttpOperationFailedException http) {
        List<OutboxRecord> batch = exchange.getProperty(BATCH, List.class);
        Map<Long, String> reasons = new LinkedHashMap<>();
        for (BatchCodec.Rejection rejection : BatchCodec.rejectedRecords(http.getResponseBody())) {
            if (rejection.index() < 0 || rejection.index() >= batch.size()) {
                LOG.warn("province={} HQ rejected record index {} outside a batch of {}; ignored", settings.province(), rejection.index(), batch.size());
                continue;
            }
            OutboxRecord record = batch.get(rejection.index());
            // HQ echoes the event id as sent; a different one means the response belongs to another batch.
            if (rejection.eventId() != null && !rejection.eventId().equals(record.eventId())) {
                LOG.warn("province={} HQ rejected index {} as event={} but this batch has event={} there; ignored",
                        settings.province(), rejection.index(), rejection.eventId(), record.eventId());
                continue;
            }
            reasons.put(record.sequence(), rejection.reason());
            LOG.warn("province={} event={} seq={} type={} rejected by HQ and set aside in outbox_rejected: {}",
                    settings.province(), record.eventId(), record.sequence(), record.recordType(), rejection.reason());
        }
        if (reasons.isEmpty()) {
            return false;
        }
        int moved = outbox.reject(reasons);
        exchange.setProperty(MORE, moved > 0);
        return moved > 0;
    }

    /** Returns the TLS exception in a failure's causes, or null when it is not a TLS failure. */
    private static SSLException tlsFailure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException ssl) {
                return ssl;
            }
        }
        return null;
    }

    private long safeRejectedCount() {
        try {
            return outbox.rejectedCount();
        } catch (RuntimeException e) {
            LOG.warn("province={} rejected records could not be counted: {}", settings.province(), e.getMessage());
            return -1;
        }
    }

    private long safeBacklog() {
        try {
            return outbox.backlog();
        } catch (RuntimeException e) {
            LOG.warn("province={} outbox backlog could not be read: {}", settings.province(), e.getMessage());
            return -1;
        }
    }
}
