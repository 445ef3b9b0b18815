package org.rescuegrid.backoffice.internal;

import java.time.Instant;
import java.util.List;

import org.rescuegrid.api.audit.AuditSource;

/** A stored record of the audit chain. */
public record AuditRecord(long seq, String eventId, Instant recordedAt, String actor, AuditSource source, String remoteAddress, String action,
        List<String> targets, String before, String after, String previousHash, String hash) {
}
