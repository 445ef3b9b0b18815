package org.rescuegrid.simulators.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Moves the dates of a log by whole days, so that a looped replay sends fix times the node has not
 * stored yet. The node stores one position per device and fix time, so it would take every later pass
 * of the same log for a resend. RMC dates ({@code ddmmyy}) and ZDA dates (day, month, year fields) are
 * rewritten with recomputed checksums; times of day, and so the recorded pace, stay as they are.
 * Sentences with a wrong checksum are left unchanged, as the driver should reject them anyway.
 */
final class DateShift {

    private DateShift() {
    }

    /**
     * Returns the number of days a pass of the log spans, from its first to its last RMC or ZDA date,
     * at least 1. Shifting each pass by this many days more than the previous one keeps the passes
     * from overlapping.
     */
    static int daysCovered(List<byte[]> lines) {
        LocalDate first = null;
        LocalDate last = null;
        for (byte[] line : lines) {
            for (Sentence sentence : Sentence.findAll(ReplayScript.text(line))) {
                Optional<LocalDate> date = date(sentence);
                if (date.isPresent()) {
                    first = first == null || date.get().isBefore(first) ? date.get() : first;
                    last = last == null || date.get().isAfter(last) ? date.get() : last;
                }
            }
        }
        return first == null ? 1 : (int) (last.toEpochDay() - first.toEpochDay()) + 1;
    }

    /** Returns the line with every RMC and ZDA date moved by {@code days}; other lines are returned as they are. */
    static byte[] apply(byte[] line, int days) {
        if (days == 0) {
            return line;
        }
        return Sentence.rewrite(line, sentence -> shift(sentence, days));
    }

    private static Optional<String> shift(Sentence sentence, int days) {
        Optional<LocalDate> date = date(sentence);
        if (date.isEmpty()) {
            return Optional.empty();
        }
        LocalDate moved = date.get().plusDays(days);
        String[] fields = sentence.fields();
        if (sentence.type().equals("RMC")) {
            fields[9] = String.format(Locale.ROOT, "%02d%02d%02d", moved.getDayOfMonth(), moved.getMonthValue(), moved.getYear() % 100);
        } else {
            fields[2] = String.format(Locale.ROOT, "%02d", moved.getDayOfMonth());
            fields[3] = String.format(Locale.ROOT, "%02d", moved.getMonthValue());
            fields[4] = String.format(Locale.ROOT, "%04d", moved.getYear());
        }
        return Optional.of(sentence.withFields(fields));
    }

    /** Returns the date of a trusted RMC or ZDA sentence; RMC's two-digit year is taken as 2000-2099. */
    private static Optional<LocalDate> date(Sentence sentence) {
        if (!sentence.trusted()) {
            return Optional.empty();
        }
        try {
            if (sentence.type().equals("RMC") && sentence.field(9).matches("\\d{6}")) {
                String ddmmyy = sentence.field(9);
                return Optional.of(LocalDate.of(2000 + Integer.parseInt(ddmmyy.substring(4)), Integer.parseInt(ddmmyy.substring(2, 4)),
                        Integer.parseInt(ddmmyy.substring(0, 2))));
            }
            if (sentence.type().equals("ZDA") && sentence.field(2).matches("\\d{2}") && sentence.field(3).matches("\\d{2}")
                    && sentence.field(4).matches("\\d{4}")) {
                return Optional.of(LocalDate.of(Integer.parseInt(sentence.field(4)), Integer.parseInt(sentence.field(3)),
                        Integer.parseInt(sentence.field(2))));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
