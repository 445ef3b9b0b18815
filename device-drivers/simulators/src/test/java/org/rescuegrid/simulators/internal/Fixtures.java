package org.rescuegrid.simulators.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The gpsd logs as the build embeds them: read from the test class path, so the tests also
 * check the resources section of the pom.
 */
final class Fixtures {

    private Fixtures() {
    }

    static Path directory() {
        URL license = Fixtures.class.getResource("/" + LogCatalog.BUNDLE_FOLDER + "/COPYING.gpsd");
        if (license == null) {
            throw new IllegalStateException(LogCatalog.BUNDLE_FOLDER + "/COPYING.gpsd is missing from the class path;"
                    + " check the resources section of the pom");
        }
        try {
            return Path.of(license.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static LogCatalog catalog() {
        return LogCatalog.fromDirectory(directory());
    }

    static byte[] read(String logName) {
        try {
            return Files.readAllBytes(directory().resolve(logName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the bytes a replay of one pass must send, computed independently of ReplayScript:
     * every line that does not start with '#', without its LF or CR LF, followed by CR LF.
     */
    static byte[] expectedPass(String logName) {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (byte[] line : nonCommentLines(logName)) {
            expected.writeBytes(line);
            expected.writeBytes(new byte[] {'\r', '\n'});
        }
        return expected.toByteArray();
    }

    static List<byte[]> nonCommentLines(String logName) {
        byte[] log = read(logName);
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= log.length; i++) {
            boolean lineEnds = i == log.length ? i > start : log[i] == '\n';
            if (!lineEnds) {
                continue;
            }
            int end = i > start && log[i - 1] == '\r' ? i - 1 : i;
            if (end == start || log[start] != '#') {
                byte[] line = new byte[end - start];
                System.arraycopy(log, start, line, 0, line.length);
                lines.add(line);
            }
            start = i + 1;
        }
        return lines;
    }
}
