package org.rescuegrid.frontoffice;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses the console and file forms of the front office's enums: lower-case words joined by dashes. */
final class Parsing {

    private Parsing() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String what, String text) {
        String name = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException(what + " '" + text + "' is invalid; use one of " + names(type));
    }

    static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Parsing::label).collect(Collectors.joining(", "));
    }

    static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
