package org.rescuegrid.hq.internal;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import org.apache.camel.CamelContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HQ's receiver over HTTPS with client certificates: {@code POST /hq/v1/batches} and the reconciliation requests
 * ({@code /hq/v1/reconciliation}, {@code /hq/v1/reconciliation/ids}, {@code /hq/v1/reconciliation/audit-chain}) on a listener of its own, which requires a
 * client certificate signed by a CA of the trust store (the TLS handshake fails otherwise) and maps it to a
 * district (403 otherwise, before the body is read). A revoked certificate ({@link RevokedCertificates}) gets 403
 * on every request. The district of the certificate is the only province a request may name. It runs on the node's Vert.x instance, beside the token
 * receiver on the plain HTTP server, and is off while {@code org.rescuegrid.hq.tls} has no configuration.
 */
@Component(configurationPid = HqTlsSettings.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = HqTlsConfig.class)
public class HqTlsReceiver {

    static final String DISTRICT = "rescuegrid.district";

    private static final Logger LOG = LoggerFactory.getLogger(HqTlsReceiver.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long HANDSHAKE_WARN_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final HqTlsSettings settings;
    private final CertificateBatchHandler handler;
    private final ReconciliationHandler reconciliation;
    private final AtomicLong lastHandshakeWarning = new AtomicLong(System.nanoTime() - HANDSHAKE_WARN_INTERVAL_NANOS);
    private final AtomicLong suppressedHandshakeFailures = new AtomicLong();
    private final Map<String, Long> lastRevokedWarning = new ConcurrentHashMap<>();
    private final HttpServer server;

    @Activate
    public HqTlsReceiver(@Reference HqRecordStore store, @Reference HqReconciliation reconciliation, @Reference CamelContext camel,
            HqTlsConfig config, Map<String, Object> properties) throws Exception {
        String etc = System.getProperty("karaf.etc");
        this.settings = HqTlsSettings.from(config, properties, etc == null ? null : Path.of(etc));
        this.handler = new CertificateBatchHandler(store);
        this.reconciliation = new ReconciliationHandler(reconciliation);

        Vertx vertx = camel.getRegistry().lookupByNameAndType("vertx", Vertx.class);
        if (vertx == null) {
            throw new IllegalStateException(HqTlsSettings.PID + ": the node's Vert.x instance is not in the Camel registry; start the bus first");
        }
        // The certificate check is a route of its own because Vert.x Web runs a route's body handler before its
        // other handlers, and HQ must not buffer a body from a district it does not know.
        Router router = Router.router(vertx);
        router.route().order(0).handler(this::authenticate);
        router.route(HqReceiverRoutes.PATH).order(1).method(HttpMethod.POST)
                .handler(BodyHandler.create(false).setBodyLimit(settings.maxBodyBytes()))
                .blockingHandler(this::receive, false);
        for (ReconciliationHandler.Request request : ReconciliationHandler.Request.values()) {
            router.route(request.path()).order(1).method(HttpMethod.POST)
                    .handler(BodyHandler.create(false).setBodyLimit(settings.maxBodyBytes()))
                    .blockingHandler(context -> reconcile(context, request), false);
        }

        this.server = vertx.createHttpServer(serverOptions(settings))
                .requestHandler(router)
                .exceptionHandler(this::connectionFailed);
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            server.close();
            throw new IllegalStateException(HqTlsSettings.PID + ": HTTPS listener could not bind " + settings.host() + ":" + settings.port()
                    + ": " + e.getMessage() + "; choose a free port", e);
        }
        LOG.info("HQ HTTPS receiver started on https://{}:{} (batches and reconciliation) for districts {}, {} revoked fingerprints, CRL {}",
                settings.host(), settings.port(), settings.districts().districts(), settings.revoked().fingerprintCount(),
                settings.revoked().crlFile() == null ? "none" : settings.revoked().crlFile());
    }

    @Deactivate
    void deactivate() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        LOG.info("HQ HTTPS receiver on port {} stopped", settings.port());
    }

    private static HttpServerOptions serverOptions(HqTlsSettings settings) throws GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(settings.keyStore(), settings.keyPassword());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(settings.trustStore());
        return new HttpServerOptions()
                .setHost(settings.host())
                .setPort(settings.port())
                .setSsl(true)
                .setClientAuth(ClientAuth.REQUIRED)
                .setKeyCertOptions(KeyCertOptions.wrap(keys))
                .setTrustOptions(TrustOptions.wrap(trust));
    }

    /** Maps the client certificate to a district, or rejects the request with 403 without reading the body. */
    private void authenticate(RoutingContext context) {
        X509Certificate certificate = clientCertificate(context);
        if (certificate == null) {
            reject(context, 403, "no client certificate was presented; present the district's certificate signed by HQ's CA");
            return;
        }
        DistrictCertificates.Presented presented = DistrictCertificates.read(certificate);
        Optional<String> district = settings.districts().districtOf(presented);
        if (district.isEmpty()) {
            LOG.warn("HQ rejected a client certificate from {}: CN={} SHA-256={} matches no district in {}", context.request().remoteAddress(),
                    presented.cn(), presented.fingerprint(), HqTlsSettings.PID);
            reject(context, 403, "client certificate CN=" + presented.cn() + " (SHA-256 " + presented.fingerprint()
                    + ") is not configured for any district; HQ adds it as district.CODE.cn or district.CODE.fingerprint in "
                    + HqTlsSettings.PID);
            return;
        }
        Optional<String> revoked = settings.revoked().reason(certificate, presented.fingerprint());
        if (revoked.isPresent()) {
            warnRevoked(district.get(), presented.fingerprint(), revoked.get(), context);
            reject(context, 403, "client certificate of district " + district.get() + " (SHA-256 " + presented.fingerprint()
                    + ") is revoked because " + revoked.get() + "; the district needs a new certificate signed by HQ's CA");
            return;
        }
        context.put(DISTRICT, district.get());
        context.next();
    }

    /** Logs a revoked certificate at WARN once a minute per fingerprint, because the district keeps retrying. */
    private void warnRevoked(String district, String fingerprint, String reason, RoutingContext context) {
        long now = System.nanoTime();
        Long last = lastRevokedWarning.get(fingerprint);
        if (last != null && now - last < HANDSHAKE_WARN_INTERVAL_NANOS) {
            LOG.debug("district={} presented revoked certificate SHA-256={} again", district, fingerprint);
            return;
        }
        lastRevokedWarning.put(fingerprint, now);
        LOG.warn("district={} rejected: client certificate SHA-256={} from {} is revoked because {}", district, fingerprint,
                context.request().remoteAddress(), reason);
    }

    private void receive(RoutingContext context) {
        String district = context.get(DISTRICT);
        String body = context.body().asString();
        CertificateBatchHandler.Reply reply = handler.handle(district, context.request().getHeader("Content-Type"), body);
        context.response()
                .setStatusCode(reply.status())
                .putHeader("Content-Type", "application/json")
                .end(reply.body().toString());
    }

    private void reconcile(RoutingContext context, ReconciliationHandler.Request request) {
        String district = context.get(DISTRICT);
        CertificateBatchHandler.Reply reply = reconciliation.handle(district, "client certificate", request, context.body().asString());
        context.response()
                .setStatusCode(reply.status())
                .putHeader("Content-Type", "application/json")
                .end(reply.body().toString());
    }

    private static X509Certificate clientCertificate(RoutingContext context) {
        try {
            List<Certificate> chain = context.request().connection().peerCertificates();
            return chain != null && !chain.isEmpty() && chain.get(0) instanceof X509Certificate leaf ? leaf : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    private static void reject(RoutingContext context, int status, String message) {
        context.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader("Connection", "close")
                .end(MAPPER.createObjectNode().put("error", message).toString());
    }

    /**
     * Logs failed TLS handshakes (an unknown CA, no certificate, a protocol mismatch) at most once a minute at WARN,
     * with the number of failures since, because a misconfigured district retries every few seconds.
     */
    private void connectionFailed(Throwable error) {
        long now = System.nanoTime();
        long last = lastHandshakeWarning.get();
        if (now - last >= HANDSHAKE_WARN_INTERVAL_NANOS && lastHandshakeWarning.compareAndSet(last, now)) {
            long suppressed = suppressedHandshakeFailures.getAndSet(0);
            LOG.warn("HQ HTTPS receiver on port {} rejected a connection ({} more since the last warning): {}", settings.port(), suppressed,
                    error.toString());
        } else {
            suppressedHandshakeFailures.incrementAndGet();
            LOG.debug("HQ HTTPS receiver on port {} rejected a connection: {}", settings.port(), error.toString());
        }
    }
}
