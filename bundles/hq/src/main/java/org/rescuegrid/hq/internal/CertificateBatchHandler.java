package org.rescuegrid.hq.internal;

import java.sql.SQLException;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Stores a batch that arrived over HTTPS from a district its client certificate identified. The status codes
 * are those of the token receiver ({@link HqReceiverRoutes}), but the district comes from the certificate. A
 * batch that names another district is rejected with 403 naming both, because HQ stores every record of a
 * batch under the district the batch names.
 */
final class CertificateBatchHandler {

    /** Status code and JSON body of a response. */
    record Reply(int status, ObjectNode body) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(CertificateBatchHandler.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HqRecordStore store;

    CertificateBatchHandler(HqRecordStore store) {
        this.store = store;
    }

    Reply handle(String district, String contentType, String body) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            LOG.warn("district={} sent a batch with Content-Type '{}' over HTTPS; rejected", district, contentType);
            return new Reply(415, HqReceiverRoutes.error("Content-Type '" + contentType + "' is not accepted; send the batch as application/json"));
        }

        BatchRequest batch;
        try {
            batch = BatchRequest.parse(body);
        } catch (InvalidBatchException e) {
            LOG.warn("district={} batch rejected: {}", district, e.getMessage());
            return new Reply(400, HqReceiverRoutes.rejection(e));
        }
        if (!batch.province().equals(district)) {
            LOG.warn("district={} (client certificate) sent a batch for district={}; rejected", district, batch.province());
            return new Reply(403, HqReceiverRoutes.error("client certificate identifies district " + district + " but the batch names "
                    + batch.province() + "; a district may send only its own records"));
        }

        try {
            HqRecordStore.Outcome outcome = store.store(batch.province(), batch.records());
            LOG.debug("district={} batch={} committed {} records over HTTPS, {} already present", district, batch.batchId(),
                    outcome.accepted().size(), outcome.duplicates());
            ObjectNode response = MAPPER.createObjectNode();
            response.put("batchId", batch.batchId());
            response.putPOJO("accepted", outcome.accepted());
            response.put("duplicates", outcome.duplicates());
            return new Reply(200, response);
        } catch (InvalidBatchException e) {
            LOG.warn("district={} batch={} rejected: {}", district, batch.batchId(), e.getMessage());
            return new Reply(400, HqReceiverRoutes.rejection(e));
        } catch (SQLException | RuntimeException e) {
            LOG.error("district={} batch={} could not be stored; the district will retry: {}", district, batch.batchId(), e.toString(), e);
            return new Reply(503, HqReceiverRoutes.error("HQ could not store the batch; retry later"));
        }
    }
}
