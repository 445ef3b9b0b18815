package org.rescuegrid.hq.dashboard.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The dashboard's files, read from this bundle: its own pages under {@code dashboard/} and the front-end
 * libraries under {@code lib/NAME/}, taken from the WebJars embedded at build time.
 */
class StaticResources {

    /** A served file: its bytes and content type. */
    record Resource(byte[] bytes, String contentType, boolean library) {
    }

    /** Paths are plain names and folders; anything else (such as "..") is not looked up at all. */
    private static final Pattern SAFE_PATH = Pattern.compile("(?:[A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*");

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "geojson", "application/geo+json",
            "png", "image/png",
            "svg", "image/svg+xml");

    private final ClassLoader loader;
    private final Map<String, String> libraryFolders;

    StaticResources(ClassLoader loader) {
        this.loader = loader;
        Properties versions = new Properties();
        try (InputStream in = loader.getResourceAsStream("dashboard/libraries.properties")) {
            if (in == null) {
                throw new IllegalStateException("dashboard/libraries.properties is missing from the bundle");
            }
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.libraryFolders = Map.of(
                "leaflet", "META-INF/resources/webjars/leaflet/" + versions.getProperty("leaflet") + "/dist/",
                "chart.js", "META-INF/resources/webjars/chart.js/" + versions.getProperty("chart.js") + "/dist/");
    }

    /** Returns the file for a path below the dashboard's root, such as "" (the page), "app.js" or "lib/leaflet/leaflet.js". */
    Optional<Resource> find(String path) {
        String name = path.isEmpty() ? "index.html" : path;
        if (!SAFE_PATH.matcher(name).matches()) {
            return Optional.empty();
        }
        String type = TYPES.get(extension(name));
        if (type == null) {
            return Optional.empty();
        }
        boolean library = name.startsWith("lib/");
        String resource = library ? libraryResource(name) : "dashboard/" + name;
        if (resource == null) {
            return Optional.empty();
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new Resource(in.readAllBytes(), type, library));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource, e);
        }
    }

    private String libraryResource(String name) {
        String rest = name.substring("lib/".length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String folder = libraryFolders.get(rest.substring(0, slash));
        return folder == null ? null : folder + rest.substring(slash + 1);
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
