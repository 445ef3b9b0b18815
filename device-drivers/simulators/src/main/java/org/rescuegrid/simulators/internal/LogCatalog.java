package org.rescuegrid.simulators.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;

/** The recorded NMEA logs that vehicles can replay, by file name (such as {@code quectel-L70.log}). */
final class LogCatalog {

    /** Folder of the logs inside the bundle, set by the resources section of the module's pom. */
    static final String BUNDLE_FOLDER = "fixtures/nmea";

    private final Map<String, URL> logsByName;

    private LogCatalog(Map<String, URL> logsByName) {
        this.logsByName = Collections.unmodifiableMap(new TreeMap<>(logsByName));
    }

    /** Lists the {@code *.log} entries that the bundle embeds under {@link #BUNDLE_FOLDER}. */
    static LogCatalog fromBundle(Bundle bundle) {
        Map<String, URL> logs = new TreeMap<>();
        Enumeration<URL> entries = bundle.findEntries(BUNDLE_FOLDER, "*.log", false);
        while (entries != null && entries.hasMoreElements()) {
            URL entry = entries.nextElement();
            String path = entry.getPath();
            logs.put(path.substring(path.lastIndexOf('/') + 1), entry);
        }
        return new LogCatalog(logs);
    }

    /** Lists the {@code *.log} files of a folder, for tests that run outside an OSGi framework. */
    static LogCatalog fromDirectory(Path directory) {
        Map<String, URL> logs = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".log") && Files.isRegularFile(file)) {
                    logs.put(name, file.toUri().toURL());
                }
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException("log folder " + directory + " has a path that is not a valid URL", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list log folder " + directory, e);
        }
        return new LogCatalog(logs);
    }

    Set<String> names() {
        return logsByName.keySet();
    }

    boolean contains(String name) {
        return logsByName.containsKey(name);
    }

    /** Reads the whole log, or returns empty when no log has that name. */
    Optional<byte[]> read(String name) throws IOException {
        URL url = logsByName.get(name);
        if (url == null) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            return Optional.of(in.readAllBytes());
        }
    }
}
