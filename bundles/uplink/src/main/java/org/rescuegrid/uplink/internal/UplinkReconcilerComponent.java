package org.rescuegrid.uplink.internal;

import java.net.URI;
import java.net.URISyntaxException;
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
 * Reconciles this node's records with HQ over HTTP, with the uplink's {@code hqUrl} and {@code token}
 * whichever transport carries the records. A node on the Kafka transport sets both for reconciliation.
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
        ReconcileClient client = new ReconcileClient(province, hqUrl(), token(), Duration.ofSeconds(Math.max(1, config.requestTimeoutSeconds())));
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
                    + " needs the province's token issued by HQ, at least 16 characters, also on the Kafka transport");
        }
        return token;
    }
}
