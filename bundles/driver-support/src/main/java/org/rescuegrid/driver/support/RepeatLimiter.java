package org.rescuegrid.driver.support;

/**
 * Decides which of a repeating event to log: the first five, then every thousandth, so that a device
 * sending garbage all day leaves a trace with its count instead of flooding the log. Thread-safe.
 */
public final class RepeatLimiter {

    private static final int LOG_FIRST = 5;
    private static final int LOG_EVERY = 1000;

    private long count;

    public synchronized long increment() {
        return ++count;
    }

    public synchronized long count() {
        return count;
    }

    public boolean shouldLog(long occurrence) {
        return occurrence <= LOG_FIRST || occurrence % LOG_EVERY == 0;
    }
}
