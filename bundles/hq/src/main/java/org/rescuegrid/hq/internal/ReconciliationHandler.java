package org.rescuegrid.hq.internal;

import java.sql.SQLException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Handles the reconciliation requests of a district that its credential identified: a bearer token on the
 * plain receiver ({@link HqReconciliationRoutes}) or a client certificate on the HTTPS listener
 * ({@link HqTlsReceiver}). 400 names an invalid field, 403 a body naming another province, 409 a run that a
 * later one replaced, and 503 a database failure.
 */
final class ReconciliationHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationHandler.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The requests a district makes, each on its own path. */
    enum Request {
        SUMMARY(HqReconciliationRoutes.SUMMARY_PATH),
        IDS(HqReconciliationRoutes.IDS_PATH),
        AUDIT_CHAIN(HqReconciliationRoutes.AUDIT_CHAIN_PATH);

        private final String path;

        Request(String path) {
            this.path = path;
        }

        String path() {
            return path;
        }
    }

    private final HqReconciliation reconciliation;

    ReconciliationHandler(HqReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    /**
     * Handles one request.
     *
     * @param province the province the credential belongs to
     * @param credential what identified the province, for the 403 message, for example "token" or "client certificate"
     */
    CertificateBatchHandler.Reply handle(String province, String credential, Request request, String body) {
        try {
            ObjectNode response = switch (request) {
                case SUMMARY -> summary(province, credential, body);
                case IDS -> chunk(province, credential, body);
                case AUDIT_CHAIN -> auditChain(province, credential, body);
            };
            return new CertificateBatchHandler.Reply(200, response);
        } catch (WrongProvince e) {
            LOG.warn("province={} sent a reconciliation request for another province; rejected: {}", province, e.getMessage());
            return new CertificateBatchHandler.Reply(403, HqReceiverRoutes.error(e.getMessage()));
        } catch (IllegalArgumentException e) {
            LOG.warn("province={} reconciliation request rejected: {}", province, e.getMessage());
            return new CertificateBatchHandler.Reply(400, HqReceiverRoutes.error(e.getMessage()));
        } catch (IllegalStateException e) {
            return new CertificateBatchHandler.Reply(409, HqReceiverRoutes.error(e.getMessage()));
        } catch (SQLException e) {
            LOG.error("province={} reconciliation failed: {}", province, e.toString(), e);
            return new CertificateBatchHandler.Reply(503, HqReceiverRoutes.error("HQ could not read its records; retry later"));
        }
    }

    private ObjectNode summary(String province, String credential, String body) throws SQLException {
        ReconciliationRequest.Summary request = ReconciliationRequest.summary(body);
        requireProvince(province, credential, request.province());
        HqReconciliation.Run run = reconciliation.compare(province, request.day(), request.types());
        LOG.info("province={} reconciliation run={} of {} started for {} types", province, run.runId(), request.day(), run.types().size());
        ObjectNode response = MAPPER.createObjectNode();
        response.put("runId", run.runId());
        response.put("day", request.day().toString());
        ArrayNode types = response.putArray("types");
        for (HqReconciliation.TypeComparison comparison : run.types()) {
            ObjectNode type = types.addObject();
            type.put("type", comparison.type());
            type.put("districtCount", comparison.districtCount());
            type.put("hqCount", comparison.hqCount());
            type.put("match", comparison.match());
        }
        return response;
    }

    private ObjectNode chunk(String province, String credential, String body) throws SQLException {
        ReconciliationRequest.Chunk request = ReconciliationRequest.chunk(body);
        requireProvince(province, credential, request.province());
        List<String> missing = reconciliation.missing(province, request.runId(), request.day(), request.type(), request.ids(), request.last());
        ObjectNode response = MAPPER.createObjectNode();
        response.putPOJO("missing", missing);
        return response;
    }

    private ObjectNode auditChain(String province, String credential, String body) throws SQLException {
        ReconciliationRequest.AuditChain request = ReconciliationRequest.auditChain(body);
        requireProvince(province, credential, request.province());
        HqReconciliation.AuditChainComparison comparison = reconciliation.compareAuditChain(province, request.day(), request.records(),
                request.lastSeq(), request.lastHash());
        if (!comparison.match()) {
            LOG.warn("province={} audit chain differs from HQ's copy: district {} records up to seq {}, HQ {} records up to seq {}", province,
                    request.records(), request.lastSeq(), comparison.hqRecords(), comparison.hqLastSeq());
        }
        ObjectNode response = MAPPER.createObjectNode();
        response.put("hqRecords", comparison.hqRecords());
        response.put("hqLastSeq", comparison.hqLastSeq());
        response.put("match", comparison.match());
        return response;
    }

    private static void requireProvince(String province, String credential, String requested) {
        if (!requested.equals(province)) {
            throw new WrongProvince(credential + " belongs to province " + province + ", request names " + requested);
        }
    }

    /** A request naming another province than its credential's. */
    private static final class WrongProvince extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WrongProvince(String message) {
            super(message);
        }
    }
}
