package org.rescuegrid.backoffice.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** The back office's validated settings. */
public record BackOfficeSettings(Path sopDirectory, Path staffFile, Path shiftsFile, Path rotaFile, Duration evaluationPeriod,
        List<String> readinessItems) {

    public static final String PID = "org.rescuegrid.backoffice";
    private static final Pattern ITEM = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    /**
     * Validates a configuration.
     *
     * @param etc Karaf's etc directory that relative paths are resolved against, or null to take them as they are
     * @throws IllegalArgumentException naming the PID, key, value and accepted form
     */
    public static BackOfficeSettings from(BackOfficeConfig config, Path etc) {
        if (config.evaluationSeconds() < 1 || config.evaluationSeconds() > 300) {
            throw invalid("evaluationSeconds", config.evaluationSeconds(), "whole seconds from 1 to 300");
        }
        List<String> items = Arrays.stream(config.readinessItems().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (items.isEmpty() || items.stream().anyMatch(i -> !ITEM.matcher(i).matches()) || items.stream().distinct().count() != items.size()) {
            throw invalid("readinessItems", config.readinessItems(), "distinct lower-case names separated by commas, such as equipment,fuel,oxygen,stretcher");
        }
        return new BackOfficeSettings(path(etc, "sopDirectory", config.sopDirectory()), path(etc, "staffFile", config.staffFile()),
                path(etc, "shiftsFile", config.shiftsFile()), path(etc, "rotaFile", config.rotaFile()),
                Duration.ofSeconds(config.evaluationSeconds()), items);
    }

    private static Path path(Path etc, String key, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(key, value, "a path, relative to Karaf's etc directory or absolute");
        }
        Path path = Path.of(value.strip());
        return etc == null || path.isAbsolute() ? path : etc.resolve(path);
    }

    private static IllegalArgumentException invalid(String key, Object value, String accepted) {
        return new IllegalArgumentException(PID + ": " + key + " = '" + value + "' is invalid; use " + accepted);
    }
}
