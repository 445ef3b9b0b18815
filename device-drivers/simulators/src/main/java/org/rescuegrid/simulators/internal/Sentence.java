package org.rescuegrid.simulators.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One NMEA 0183 sentence found inside a log line, such as {@code $GPRMC,150119.000,A,...*73}.
 *
 * <p>Lines are handled as ISO-8859-1 strings so that every byte maps to one char and binary
 * packets survive a round trip unchanged. A sentence may start after binary bytes in the same
 * line, because some receivers interleave binary packets with NMEA output.
 */
final class Sentence {

    private static final Pattern UTC_TIME = Pattern.compile("(\\d{2})(\\d{2})(\\d{2})(?:\\.(\\d+))?");
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final int start;
    private final int end;
    private final String[] fields;
    private final boolean hasChecksum;
    private final boolean checksumValid;

    private Sentence(int start, int end, String[] fields, boolean hasChecksum, boolean checksumValid) {
        this.start = start;
        this.end = end;
        this.fields = fields;
        this.hasChecksum = hasChecksum;
        this.checksumValid = checksumValid;
    }

    /** Finds every sentence of {@code line} in order. Text that does not form a sentence is skipped. */
    /**
     * Returns the line with each sentence replaced by what {@code rewrite} gives for it; sentences it leaves
     * empty, and the text between sentences, stay as they are. Returns the same array when nothing changed.
     */
    static byte[] rewrite(byte[] line, Function<Sentence, Optional<String>> rewrite) {
        String text = ReplayScript.text(line);
        StringBuilder result = new StringBuilder(text.length() + 8);
        int copied = 0;
        boolean changed = false;
        for (Sentence sentence : findAll(text)) {
            Optional<String> replaced = rewrite.apply(sentence);
            if (replaced.isPresent()) {
                result.append(text, copied, sentence.start()).append(replaced.get());
                copied = sentence.end();
                changed = true;
            }
        }
        if (!changed) {
            return line;
        }
        result.append(text, copied, text.length());
        return result.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static List<Sentence> findAll(String line) {
        List<Sentence> sentences = new ArrayList<>();
        int from = 0;
        while (true) {
            int dollar = line.indexOf('$', from);
            if (dollar < 0) {
                return sentences;
            }
            Sentence sentence = parseAt(line, dollar);
            if (sentence == null) {
                from = dollar + 1;
            } else {
                sentences.add(sentence);
                from = sentence.end;
            }
        }
    }

    /**
     * Parses the sentence that starts with the {@code '$'} at {@code start}, or returns null. A
     * sentence is {@code $}, a five-character address of capital letters and digits, a comma, and
     * printable ASCII without {@code '$'}, up to a {@code *hh} checksum or the end of the line.
     */
    private static Sentence parseAt(String line, int start) {
        if (start + 6 >= line.length() || line.charAt(start + 6) != ',') {
            return null;
        }
        for (int i = start + 1; i <= start + 5; i++) {
            char c = line.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
                return null;
            }
        }

        int bodyEnd = start + 1;
        while (bodyEnd < line.length() && isBodyChar(line.charAt(bodyEnd))) {
            bodyEnd++;
        }
        String body = line.substring(start + 1, bodyEnd);
        boolean hasChecksum = bodyEnd + 3 <= line.length() && line.charAt(bodyEnd) == '*'
                && isHexDigit(line.charAt(bodyEnd + 1)) && isHexDigit(line.charAt(bodyEnd + 2));
        int end;
        boolean checksumValid;
        if (hasChecksum) {
            end = bodyEnd + 3;
            checksumValid = Integer.parseInt(line.substring(bodyEnd + 1, end), 16) == checksum(body);
        } else if (bodyEnd == line.length()) {
            end = bodyEnd;
            checksumValid = false;
        } else {
            // Binary bytes or a broken checksum follow the text, so the sentence is cut off.
            return null;
        }
        return new Sentence(start, end, body.split(",", -1), hasChecksum, checksumValid);
    }

    private static boolean isBodyChar(char c) {
        return c >= 0x20 && c <= 0x7e && c != '*' && c != '$';
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }

    /** Computes the NMEA checksum: the XOR of all chars between {@code '$'} and {@code '*'}. */
    static int checksum(CharSequence body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum ^= body.charAt(i);
        }
        return sum;
    }

    /** Index of the {@code '$'} in the line. */
    int start() {
        return start;
    }

    /** Index after the last char of the sentence, which is the checksum when there is one. */
    int end() {
        return end;
    }

    /** Sentence type without the talker id, such as {@code RMC} for {@code $GNRMC}. */
    String type() {
        return fields[0].substring(2);
    }

    /** Address field, such as {@code GNRMC}. */
    String address() {
        return fields[0];
    }

    /** Returns field {@code index}, where 0 is the address, or "" when the sentence has fewer fields. */
    String field(int index) {
        return index < fields.length ? fields[index] : "";
    }

    int fieldCount() {
        return fields.length;
    }

    /**
     * Returns whether the sentence can be trusted for times and positions: its checksum matches,
     * or it has none. A sentence without a checksum is accepted because some receivers omit it.
     */
    boolean trusted() {
        return !hasChecksum || checksumValid;
    }

    /**
     * Returns the sentence text with some fields replaced, with a recomputed checksum when the
     * original had one.
     */
    String withFields(String[] replacedFields) {
        String body = String.join(",", replacedFields);
        if (!hasChecksum) {
            return "$" + body;
        }
        return "$" + body + "*" + String.format(Locale.ROOT, "%02X", checksum(body));
    }

    String[] fields() {
        return Arrays.copyOf(fields, fields.length);
    }

    /**
     * Returns the UTC time of day in milliseconds from an RMC, GGA or GLL sentence with a trusted
     * checksum, or empty for other sentences and for an empty or malformed time field.
     */
    OptionalLong utcMillisOfDay() {
        if (!trusted()) {
            return OptionalLong.empty();
        }
        switch (type()) {
            case "RMC":
            case "GGA":
                return parseUtcTime(field(1));
            case "GLL":
                return parseUtcTime(field(5));
            default:
                return OptionalLong.empty();
        }
    }

    /** Parses {@code hhmmss} with an optional fraction of any length into milliseconds of the day. */
    static OptionalLong parseUtcTime(String text) {
        Matcher m = UTC_TIME.matcher(text);
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        int hours = Integer.parseInt(m.group(1));
        int minutes = Integer.parseInt(m.group(2));
        int seconds = Integer.parseInt(m.group(3));
        // Second 60 is a leap second.
        if (hours > 23 || minutes > 59 || seconds > 60) {
            return OptionalLong.empty();
        }
        String fraction = m.group(4) == null ? "" : m.group(4);
        int millis = Integer.parseInt((fraction + "000").substring(0, 3));
        long value = ((hours * 60L + minutes) * 60L + seconds) * 1000L + millis;
        return OptionalLong.of(Math.min(value, MILLIS_PER_DAY - 1));
    }
}
