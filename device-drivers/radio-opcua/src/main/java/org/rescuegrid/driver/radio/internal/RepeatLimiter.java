package org.rescuegrid.driver.radio.internal;

/** Decides which of a repeating failure to log: the first five, then every thousandth. Thread-safe. */
final class RepeatLimiter {

    private static final int LOG_FIRST = 5;
    private static final int LOG_EVERY = 1000;

    private long count;

    synchronized long increment() {
        return ++count;
    }

    boolean shouldLog(long occurrence) {
        return occurrence <= LOG_FIRST || occurrence % LOG_EVERY == 0;
    }
}
