package org.rescuegrid.feed.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A digest of a set of event ids that does not depend on their order: the sum, modulo 2^64, of the first
 * 8 bytes of each id's SHA-256, written as 16 hex digits. District and HQ read their ids in whatever order
 * their databases return them, and need not sort a day's ids to compare them.
 */
public final class IdDigest {

    private final MessageDigest sha256;
    private long sum;
    private long count;

    public IdDigest() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    public void add(String eventId) {
        byte[] hash = sha256.digest(eventId.getBytes(StandardCharsets.US_ASCII));
        long prefix = 0;
        for (int i = 0; i < 8; i++) {
            prefix = prefix << 8 | (hash[i] & 0xff);
        }
        sum += prefix;
        count++;
    }

    public long count() {
        return count;
    }

    public String hex() {
        return String.format("%016x", sum);
    }
}
