package org.rescuegrid.driver.nmea.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Quectel L70 recording in {@code fixtures/nmea} at the repository root. Maven runs tests with
 * the module directory as working directory, so the path is relative to that.
 */
final class QuectelL70 {

    static final Path LOG = Path.of("../../fixtures/nmea/quectel-L70.log");

    private QuectelL70() {
    }

    /** Returns what the receiver sent: the recording without its {@code #} header, CR LF line ends kept. */
    static String stream() {
        StringBuilder stream = new StringBuilder();
        for (String line : read().split("(?<=\n)")) {
            if (!line.startsWith("#")) {
                stream.append(line);
            }
        }
        return stream.toString();
    }

    /** Returns the first line that starts with {@code start}, without its CR LF. */
    static String line(String start) {
        for (String line : stream().split("\r?\n")) {
            if (line.startsWith(start)) {
                return line;
            }
        }
        throw new AssertionError("no line starting with " + start + " in " + LOG);
    }

    private static String read() {
        try {
            return Files.readString(LOG, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + LOG.toAbsolutePath(), e);
        }
    }
}
