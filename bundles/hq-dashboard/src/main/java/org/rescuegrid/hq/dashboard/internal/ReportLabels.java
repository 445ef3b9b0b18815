package org.rescuegrid.hq.dashboard.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The texts of the report PDF in one language, read from the dashboard's message bundle
 * {@code dashboard/i18n/<language>.json}, so that the PDF uses the words the dashboard shows.
 */
final class ReportLabels {

    /** Languages the dashboard has a message bundle for, the default first. */
    static final List<String> LANGUAGES = List.of("en", "ur");

    static final char FIRST_STRONG_ISOLATE = '\u2068';
    static final char POP_DIRECTIONAL_ISOLATE = '\u2069';

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String language;
    private final JsonNode texts;

    private ReportLabels(String language, JsonNode texts) {
        this.language = language;
        this.texts = texts;
    }

    /** Reads the bundle of a language of {@link #LANGUAGES}; throws IllegalArgumentException for any other. */
    static ReportLabels of(String language) {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("language '" + language + "' has no message bundle; give one of " + LANGUAGES);
        }
        String resource = "dashboard/i18n/" + language + ".json";
        try (InputStream in = ReportLabels.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the bundle");
            }
            return new ReportLabels(language, MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " could not be read: " + e.getMessage(), e);
        }
    }

    String language() {
        return language;
    }

    /** Returns whether the language is written right to left, from the bundle's {@code dir}. */
    boolean rightToLeft() {
        return "rtl".equals(texts.path("dir").asText());
    }

    /**
     * Returns the text of a key with each {@code {name}} replaced by its value. Each value is a bidirectional
     * isolate (FSI to PDI), so that a date such as 2026-11 in an Urdu line keeps its order and a Latin code
     * does not decide the direction of the line around it.
     */
    String text(String key, Map<String, ?> values) {
        JsonNode text = texts.get(key);
        if (text == null || !text.isTextual()) {
            throw new IllegalStateException("dashboard/i18n/" + language + ".json has no text '" + key + "'");
        }
        String result = text.asText();
        for (Map.Entry<String, ?> value : values.entrySet()) {
            result = result.replace("{" + value.getKey() + "}", FIRST_STRONG_ISOLATE + String.valueOf(value.getValue()) + POP_DIRECTIONAL_ISOLATE);
        }
        return result;
    }

    String text(String key) {
        return text(key, Map.of());
    }

    /** Returns the text without the isolates {@link #text} adds, for places that show no bidirectional text. */
    static String plain(String text) {
        return text.replace(String.valueOf(FIRST_STRONG_ISOLATE), "").replace(String.valueOf(POP_DIRECTIONAL_ISOLATE), "");
    }
}
