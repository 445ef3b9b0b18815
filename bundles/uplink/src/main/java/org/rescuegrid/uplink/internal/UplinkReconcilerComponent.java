package org.rescuegrid.uplink.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.rescuegrid.api.audit.AuditChainHead;
import org.rescuegrid.api.audit.AuditChainState;
import org.rescuegrid.api.outbox.Outbox;
import org.rescuegrid.api.outbox.StoredRecords;
import org.rescuegrid.api.uplink.ReconciliationResult;
import org.rescuegrid.api.uplink.UplinkReconciler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles this node's records with HQ over HTTP(S), with the uplink's {@code hqUrl} whichever transport
 * carries the records. The district authenticates with its client certificate ({@code keyStore}) when
 * {@code hqUrl} is https and a key store is set, and with its {@code token} otherwise. A node on the Kafka
 * transport sets {@code hqUrl} and one of the two for reconciliation.
 */
@Component(service = UplinkReconciler.class, configurationPid = "org.rescuegrid.uplink", configurationPolicy = ConfigurationPolicy.REQUIRE)
public class UplinkReconcilerComponent implements UplinkReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(UplinkReconcilerComponent.class);

    private final Outbox outbox;
    private final List<StoredRecords> sources;
    private final UplinkConfig config;

    /** The back office's audit chain; absent on a node without the back office, which then compares no chain. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditChainState auditChain;

    @Activate
    public UplinkReconcilerComponent(@Reference Outbox outbox,
            @Reference(cardinality = ReferenceCardinality.MULTIPLE, policyOption = ReferencePolicyOption.GREEDY) List<StoredRecords> sources,
            UplinkConfig config) {
        this.outbox = outbox;
        this.sources = sources;
        this.config = config;
    }

    @Override
    public ReconciliationResult reconcile(LocalDate day, boolean resend, int listLimit) {
        String province = config.province() == null ? "" : config.province().strip();
        URI hqUrl = hqUrl();
        String etc = System.getProperty("karaf.etc");
        // A district on Kafka with a client certificate may still reconcile over http with its token.
        UplinkTls tls = "https".equals(hqUrl.getScheme()) ? UplinkTls.from(config, hqUrl, etc == null ? null : Path.of(etc)) : null;
        String token = tls != null && tls.mutual() ? null : token();
        ReconcileClient client = new ReconcileClient(province, hqUrl, token, tls == null ? null : tls.sslContext(),
                Duration.ofSeconds(Math.max(1, config.requestTimeoutSeconds())));
        ReconciliationResult result = new DayReconciliation(sources, client, outbox::backlog, this::auditHead).run(day, resend, listLimit);
        for (ReconciliationResult.TypeResult type : result.types()) {
            if (type.missingCount() > 0 || type.unknownAtHq() > 0) {
                LOG.info("province={} day={} type={} reconciled: district {} HQ {} missing at HQ {} resent {}", province, day,
                        type.recordType(), type.districtCount(), type.hqCount(), type.missingCount(), type.resent());
            }
        }
        ReconciliationResult.AuditChainResult chain = result.auditChain();
        if (chain != null && !chain.match()) {
            LOG.warn("province={} audit chain differs from HQ's copy: district {} records up to seq {}, HQ {} records up to seq {}", province,
                    chain.districtRecords(), chain.districtLastSeq(), chain.hqRecords(), chain.hqLastSeq());
        }
        return result;
    }

    private AuditChainHead auditHead() {
        AuditChainState chain = auditChain;
        return chain == null ? null : chain.head();
    }

    private URI hqUrl() {
        String text = config.hqUrl() == null ? "" : config.hqUrl().strip();
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw invalidHqUrl(text);
        }
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
            throw invalidHqUrl(text);
        }
        return url;
    }

    private static IllegalStateException invalidHqUrl(String value) {
        return new IllegalStateException("org.rescuegrid.uplink: hqUrl='" + value + "' is invalid; reconciliation needs HQ's"
                + " receiver URL, for example http://127.0.0.1:8123/hq/v1/batches");
    }

    private String token() {
        String token = config.token() == null ? "" : config.token().strip();
        if (token.length() < 16 || token.startsWith("$[")) {
            throw new IllegalStateException("org.rescuegrid.uplink: token is missing or an unresolved placeholder; reconciliation"
                    + " needs the province's token issued by HQ, at least 16 characters, also on the Kafka transport,"
                    + " or a keyStore with the district's client certificate and HQ's https hqUrl");
        }
        return token;
    }
}
