package org.rescuegrid.backoffice.internal;

import java.time.Instant;

import org.rescuegrid.api.audit.AuditSource;

/**
 * Filters of {@code rescue:audit}; a null filter matches every record.
 *
 * @param to exclusive end of the period
 * @param target an id among the record's targets
 * @param limit the newest records to return at most
 */
public record AuditQuery(Instant from, Instant to, String actor, String action, AuditSource source, String target, int limit) {
}
