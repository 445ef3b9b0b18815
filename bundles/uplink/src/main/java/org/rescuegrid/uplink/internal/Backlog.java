package org.rescuegrid.uplink.internal;

import java.time.Instant;

/**
 * The outbox backlog a batch reports to HQ.
 *
 * @param rows records waiting in the outbox behind the batch, not counting the batch itself
 * @param oldestCreatedAt creation time of the oldest record not yet confirmed, the first of the batch
 * @param oldestAgeSeconds age of that record when the batch left, by this node's clock
 */
record Backlog(long rows, Instant oldestCreatedAt, long oldestAgeSeconds) {
}
