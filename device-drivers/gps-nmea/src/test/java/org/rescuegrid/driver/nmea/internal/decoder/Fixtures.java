package org.rescuegrid.driver.nmea.internal.decoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Access to the receiver recordings in {@code fixtures/nmea} at the repository root. Maven runs
 * tests with the module directory as working directory, so the path is relative to that.
 */
final class Fixtures {

    static final Path DIRECTORY = Path.of("../../fixtures/nmea");

    private static final Pattern HEADER_DATE = Pattern.compile("^# Date: (\\d{4})-(\\d{1,2})-(\\d{1,2})", Pattern.MULTILINE);

    private Fixtures() {
    }

    /** Returns the names of all recordings, without the {@code .log} suffix. */
    static List<String> logNames() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".log"))
                    .map(name -> name.substring(0, name.length() - ".log".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list fixtures in " + DIRECTORY.toAbsolutePath(), e);
        }
    }

    /**
     * Returns the lines the receiver sent, split on LF as the TCP server does, CR kept. The
     * {@code #} comment lines of the recording are left out because no device sends them.
     */
    static List<String> receivedLines(String logName) {
        List<String> lines = new ArrayList<>();
        for (String line : read(logName + ".log").split("\n", -1)) {
            if (!line.startsWith("#")) {
                lines.add(line);
            }
        }
        return lines;
    }

    /**
     * Returns the first received line that contains {@code text}, such as the start of a
     * sentence, without its CR. The line may begin with binary data before the sentence.
     */
    static String lineWith(String logName, String text) {
        return receivedLines(logName).stream()
                .filter(line -> line.contains(text))
                .map(line -> line.endsWith("\r") ? line.substring(0, line.length() - 1) : line)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line containing " + text + " in " + logName + ".log"));
    }

    /** Returns the {@code # Date:} header of a recording. */
    static LocalDate headerDate(String logName) {
        Matcher matcher = HEADER_DATE.matcher(read(logName + ".log"));
        if (!matcher.find()) {
            throw new AssertionError("no '# Date:' header in " + logName + ".log");
        }
        return LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)));
    }

    /** Returns the lines of gpsd's reference output {@code NAME.log.chk}. */
    static List<String> checkLines(String logName) {
        return Arrays.asList(read(logName + ".log.chk").split("\n"));
    }

    /** Reads a fixture as ISO-8859-1, which maps every byte to one char as the TCP server does. */
    private static String read(String fileName) {
        try {
            return Files.readString(DIRECTORY.resolve(fileName), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + DIRECTORY.resolve(fileName).toAbsolutePath(), e);
        }
    }
}
