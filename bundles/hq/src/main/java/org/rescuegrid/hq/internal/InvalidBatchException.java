package org.rescuegrid.hq.internal;

import java.util.List;

/**
 * A batch HQ rejects; the message goes back to the province in the HTTP 400 response. When the batch is
 * well formed but some records are invalid, {@link #rejections()} names each of them with its reason, so
 * the province can set those records aside and send the rest again.
 */
class InvalidBatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<RecordRejection> rejections;

    InvalidBatchException(String message) {
        this(message, List.of());
    }

    InvalidBatchException(String message, List<RecordRejection> rejections) {
        super(message);
        this.rejections = List.copyOf(rejections);
    }

    /** Returns the invalid records, or an empty list when the batch as a whole is invalid. */
    List<RecordRejection> rejections() {
        return rejections;
    }

    /**
     * One record rejected for its content.
     *
     * @param index position of the record in the batch's records array
     * @param eventId the record's event id as sent, or null when it is missing
     * @param reason what is wrong, naming the field and the form expected
     */
    record RecordRejection(int index, String eventId, String reason) {
    }
}
