package org.rescuegrid.hq.internal;

/** A batch HQ rejects as a whole; the message goes back to the province in the HTTP 400 response. */
class InvalidBatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InvalidBatchException(String message) {
        super(message);
    }
}
