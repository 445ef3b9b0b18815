package org.rescuegrid.simulators.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * A recorded log cut into epochs, the groups of lines a receiver sent together, each with the
 * recorded interval since the previous epoch.
 *
 * <p>When the log has RMC, GGA or GLL sentences with a UTC time, a new epoch starts at each such
 * sentence whose time differs from the current epoch's time. Lines without a time (GSA, GSV,
 * binary packets) join the current epoch, and lines before the first timed sentence join the
 * first epoch. Receivers pause, and loggers are restarted, so an interval of more than
 * {@value #MAX_RECORDED_GAP_MILLIS} ms, or a time that goes backwards, is replayed as
 * {@value #DEFAULT_INTERVAL_MILLIS} ms.
 *
 * <p>A log without any usable time is cut where its first NMEA address (such as {@code GPRMC})
 * appears again, because receivers repeat the same sentence sequence every cycle. Each of those
 * epochs is sent {@value #DEFAULT_INTERVAL_MILLIS} ms after the previous one. A log without NMEA
 * sentences, or whose first address never repeats, gets one line per epoch.
 */
final class ReplayScript {

    static final long MAX_RECORDED_GAP_MILLIS = 10_000;
    static final long DEFAULT_INTERVAL_MILLIS = 1_000;
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final byte[] LINE_END = {'\r', '\n'};

    private final List<Epoch> epochs;
    private final int lineCount;

    private ReplayScript(List<Epoch> epochs) {
        this.epochs = List.copyOf(epochs);
        this.lineCount = epochs.stream().mapToInt(Epoch::lineCount).sum();
    }

    /** Cuts the non-comment lines of a log, as returned by {@link #splitLines}, into epochs. */
    static ReplayScript fromLines(List<byte[]> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("log has no lines to replay");
        }
        List<OptionalLong> times = new ArrayList<>(lines.size());
        boolean anyTime = false;
        for (byte[] line : lines) {
            OptionalLong time = firstUtcTime(line);
            times.add(time);
            anyTime |= time.isPresent();
        }
        return new ReplayScript(anyTime ? groupByTime(lines, times) : groupByCycle(lines));
    }

    /**
     * Splits a log into lines at {@code '\n'}, without the line terminator and without comment
     * lines (those that start with {@code '#'}). A trailing {@code '\r'} is removed, because the
     * replay ends every line with {@code "\r\n"}. Bytes are kept as they are, binary ones included.
     *
     * <p>NOTE: a binary packet that contains {@code '\n'} followed by {@code '#'} loses the bytes
     * up to its next {@code '\n'}, because they look like a comment. No bundled log has one.
     */
    static List<byte[]> splitLines(byte[] log) {
        List<byte[]> lines = new ArrayList<>();
        int lineStart = 0;
        while (lineStart < log.length) {
            int newline = indexOf(log, (byte) '\n', lineStart);
            int next = newline < 0 ? log.length : newline + 1;
            int lineEnd = newline < 0 ? log.length : newline;
            if (lineEnd > lineStart && log[lineEnd - 1] == '\r') {
                lineEnd--;
            }
            boolean comment = lineEnd > lineStart && log[lineStart] == '#';
            if (!comment) {
                lines.add(Arrays.copyOfRange(log, lineStart, lineEnd));
            }
            lineStart = next;
        }
        return lines;
    }

    List<Epoch> epochs() {
        return epochs;
    }

    /** Number of lines in one pass over the log. */
    int lineCount() {
        return lineCount;
    }

    private static List<Epoch> groupByTime(List<byte[]> lines, List<OptionalLong> times) {
        List<Epoch> epochs = new ArrayList<>();
        List<byte[]> current = new ArrayList<>();
        Long currentTime = null;
        // The first epoch follows the log's last one when the replay loops, after an unknown pause.
        long interval = DEFAULT_INTERVAL_MILLIS;
        for (int i = 0; i < lines.size(); i++) {
            OptionalLong time = times.get(i);
            if (time.isPresent() && currentTime != null && time.getAsLong() != currentTime) {
                epochs.add(new Epoch(current, interval));
                interval = recordedInterval(currentTime, time.getAsLong());
                current = new ArrayList<>();
            }
            if (time.isPresent()) {
                currentTime = time.getAsLong();
            }
            current.add(lines.get(i));
        }
        epochs.add(new Epoch(current, interval));
        return epochs;
    }

    /** Returns the time from {@code previous} to {@code next}, both in ms of the UTC day, as it is replayed. */
    static long recordedInterval(long previous, long next) {
        // floorMod turns a step over midnight (235959 to 000000) into one second.
        long gap = Math.floorMod(next - previous, MILLIS_PER_DAY);
        return gap > MAX_RECORDED_GAP_MILLIS ? DEFAULT_INTERVAL_MILLIS : gap;
    }

    private static List<Epoch> groupByCycle(List<byte[]> lines) {
        String cycleAddress = null;
        for (byte[] line : lines) {
            List<Sentence> sentences = Sentence.findAll(text(line));
            if (!sentences.isEmpty()) {
                cycleAddress = sentences.get(0).address();
                break;
            }
        }

        List<Epoch> epochs = new ArrayList<>();
        if (cycleAddress != null) {
            List<byte[]> current = new ArrayList<>();
            boolean currentHasCycleStart = false;
            for (byte[] line : lines) {
                boolean cycleStart = containsAddress(line, cycleAddress);
                if (cycleStart && currentHasCycleStart) {
                    epochs.add(new Epoch(current, DEFAULT_INTERVAL_MILLIS));
                    current = new ArrayList<>();
                    currentHasCycleStart = false;
                }
                currentHasCycleStart |= cycleStart;
                current.add(line);
            }
            epochs.add(new Epoch(current, DEFAULT_INTERVAL_MILLIS));
        }
        if (epochs.size() <= 1 && lines.size() > 1) {
            epochs.clear();
            for (byte[] line : lines) {
                epochs.add(new Epoch(List.of(line), DEFAULT_INTERVAL_MILLIS));
            }
        }
        return epochs;
    }

    private static boolean containsAddress(byte[] line, String address) {
        for (Sentence sentence : Sentence.findAll(text(line))) {
            if (sentence.address().equals(address)) {
                return true;
            }
        }
        return false;
    }

    private static OptionalLong firstUtcTime(byte[] line) {
        for (Sentence sentence : Sentence.findAll(text(line))) {
            OptionalLong time = sentence.utcMillisOfDay();
            if (time.isPresent()) {
                return time;
            }
        }
        return OptionalLong.empty();
    }

    /** Decodes a line with one char per byte, so that binary bytes survive a round trip. */
    static String text(byte[] line) {
        return new String(line, StandardCharsets.ISO_8859_1);
    }

    private static int indexOf(byte[] data, byte value, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** Lines that a receiver sent together, and the recorded time since the previous epoch. */
    static final class Epoch {

        private final List<byte[]> lines;
        private final long intervalMillis;
        private final byte[] payload;

        Epoch(List<byte[]> lines, long intervalMillis) {
            this.lines = List.copyOf(lines);
            this.intervalMillis = intervalMillis;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (byte[] line : lines) {
                bytes.writeBytes(line);
                bytes.writeBytes(LINE_END);
            }
            this.payload = bytes.toByteArray();
        }

        /** Returns the lines without their terminator. The arrays are shared, so callers must not change them. */
        List<byte[]> lines() {
            return lines;
        }

        int lineCount() {
            return lines.size();
        }

        /**
         * Returns the recorded time from the previous epoch to this one, in ms. For the first epoch
         * it is the pause before the log starts again when the replay loops.
         */
        long intervalMillis() {
            return intervalMillis;
        }

        /** Returns the lines as sent, each followed by CR LF. The array is shared, so callers must not change it. */
        byte[] payload() {
            return payload;
        }
    }
}
