package org.rescuegrid.simulators.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * Stamps a recorded epoch with the present UTC time, so that a demo node receives live fixes: the dashboard
 * shows them as current, and no fix is taken for old history or one from the future. The times of RMC,
 * GGA, GLL, GNS and ZDA sentences and the dates of RMC and ZDA are rewritten with recomputed checksums;
 * positions, speeds and the recorded pace stay as they are.
 */
final class PresentTime {

    private PresentTime() {
    }

    /** Returns the line with its time and date fields set to {@code now}; lines without them are returned as they are. */
    static byte[] apply(byte[] line, Instant now) {
        LocalDateTime utc = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        return Sentence.rewrite(line, sentence -> stamp(sentence, utc));
    }

    private static Optional<String> stamp(Sentence sentence, LocalDateTime utc) {
        if (!sentence.trusted()) {
            // A sentence with a bad checksum stays broken, as the driver should reject it.
            return Optional.empty();
        }
        String[] fields = sentence.fields();
        int timeField = switch (sentence.type()) {
            case "RMC", "GGA", "GNS", "ZDA" -> 1;
            case "GLL" -> 5;
            default -> -1;
        };
        if (timeField < 0 || fields.length <= timeField || fields[timeField].isEmpty()) {
            return Optional.empty();
        }
        fields[timeField] = time(fields[timeField], utc);
        if (sentence.type().equals("RMC") && fields.length > 9 && !fields[9].isEmpty()) {
            fields[9] = String.format(Locale.ROOT, "%02d%02d%02d", utc.getDayOfMonth(), utc.getMonthValue(), utc.getYear() % 100);
        }
        if (sentence.type().equals("ZDA") && fields.length > 4) {
            fields[2] = String.format(Locale.ROOT, "%02d", utc.getDayOfMonth());
            fields[3] = String.format(Locale.ROOT, "%02d", utc.getMonthValue());
            fields[4] = String.format(Locale.ROOT, "%04d", utc.getYear());
        }
        return Optional.of(sentence.withFields(fields));
    }

    /** Formats hhmmss with as many decimals of the second as the recorded field had, at most three. */
    private static String time(String recorded, LocalDateTime utc) {
        int dot = recorded.indexOf('.');
        int decimals = dot < 0 ? 0 : Math.min(3, recorded.length() - dot - 1);
        String base = String.format(Locale.ROOT, "%02d%02d%02d", utc.getHour(), utc.getMinute(), utc.getSecond());
        if (decimals == 0) {
            return base;
        }
        String millis = String.format(Locale.ROOT, "%03d", utc.getNano() / 1_000_000);
        return base + "." + millis.substring(0, decimals);
    }
}
