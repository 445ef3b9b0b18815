package org.rescuegrid.api.outbox;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Records this node stored and queued for HQ, read back from their source tables so that the node can
 * compare them with what HQ stores and queue missing ones again. A bundle registers one service for the
 * record types whose source tables it owns.
 */
public interface StoredRecords {

    /** Returns the outbox record types this service reads, for example {@code position}. */
    Set<String> recordTypes();

    /**
     * Passes to {@code consumer} the event id of every record of the type whose outbox record was created in
     * {@code [from, to)}, in no particular order. The ids are read with a database cursor, so memory stays
     * bounded however many records the period holds.
     *
     * @throws IllegalArgumentException when this service does not read the type
     */
    void eventIds(String recordType, Instant from, Instant to, Consumer<String> consumer);

    /**
     * Appends the records with these event ids to the outbox again, rebuilt from the source table with their
     * original event id and creation time, in one transaction. Ids the source table does not hold are skipped.
     *
     * @return how many records were appended
     */
    int resend(String recordType, Collection<String> eventIds);
}
