package org.rescuegrid.hq.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The outbox backlog a district's uplink reports with each batch or Kafka message.
 *
 * @param rows records waiting in the district's outbox behind the batch
 * @param oldestCreatedAt creation time of the district's oldest record not yet confirmed
 * @param oldestAgeSeconds age of that record when the batch left, by the district's clock
 */
record ReportedBacklog(long rows, Instant oldestCreatedAt, long oldestAgeSeconds) {

    /**
     * Reads field {@code backlog} of a batch or message. Returns null when it is absent, as from an uplink
     * that predates it, or malformed: the backlog is a figure for the dashboard, and the records it came
     * with are stored either way.
     */
    static ReportedBacklog from(JsonNode envelope) {
        JsonNode backlog = envelope == null ? null : envelope.get("backlog");
        if (backlog == null || !backlog.isObject()) {
            return null;
        }
        JsonNode rows = backlog.get("rows");
        JsonNode oldest = backlog.get("oldestCreatedAt");
        JsonNode age = backlog.get("oldestAgeSeconds");
        if (rows == null || !rows.canConvertToLong() || rows.asLong() < 0 || oldest == null || !oldest.isTextual()
                || age == null || !age.canConvertToLong() || age.asLong() < 0) {
            return null;
        }
        try {
            return new ReportedBacklog(rows.asLong(), Instant.parse(oldest.asText()), age.asLong());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
