package org.rescuegrid.api.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The hash rule of the audit chain, shared by the node that writes the chain and HQ that checks its copy.
 * A record's hash is SHA-256 over its canonical form: every field as its length in characters, a colon and
 * the text (null as {@code -1:}), in the order sequence, event id, time (ISO-8601 as {@link Instant#toString()}
 * writes it), actor, source, remote address, action, targets (joined by commas), before, after, previous
 * hash, written as 64 lower-case hex digits. The first record's previous hash is {@link #GENESIS}.
 */
public final class AuditHash {

    /** Previous hash of the first record of a chain. */
    public static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    /**
     * Computes the hash of one record.
     *
     * @param recordedAt time of the record, already truncated to what the chain stores (milliseconds)
     * @param source the {@link AuditSource} constant's name, such as {@code CONSOLE}
     * @param targets the target ids joined by commas, empty when there are none
     */
    public static String of(long seq, String eventId, Instant recordedAt, String actor, String source, String remoteAddress, String action,
            String targets, String before, String after, String previousHash) {
        StringBuilder canonical = new StringBuilder();
        for (String field : Arrays.asList(Long.toString(seq), eventId, recordedAt.toString(), actor, source, remoteAddress, action, targets,
                before, after, previousHash)) {
            if (field == null) {
                canonical.append("-1:");
            } else {
                canonical.append(field.length()).append(':').append(field);
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM offers no SHA-256", e);
        }
    }
}
