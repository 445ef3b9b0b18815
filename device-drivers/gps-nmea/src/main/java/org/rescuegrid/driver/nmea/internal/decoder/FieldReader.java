package org.rescuegrid.driver.nmea.internal.decoder;

import java.util.List;
import java.util.regex.Pattern;

import org.rescuegrid.api.device.DeviceErrorKind;

/**
 * Typed, strict access to the data fields of one sentence. An empty field reads as null,
 * because receivers leave fields empty when they have no value. A field that is present but
 * malformed raises {@link SentenceException} with kind UNPARSEABLE, naming the field and value.
 */
final class FieldReader {

    // Double.parseDouble would also take "NaN", "1e3", "0x1p3", "5d" and surrounding blanks,
    // none of which an NMEA decimal field may contain.
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern UNSIGNED_INTEGER = Pattern.compile("\\d{1,9}");

    private final String sentenceType;
    private final List<String> fields;

    FieldReader(String sentenceType, List<String> fields) {
        this.sentenceType = sentenceType;
        this.fields = List.copyOf(fields);
    }

    /** Returns the number of data fields after the address field. */
    int size() {
        return fields.size();
    }

    /**
     * Rejects the sentence unless it has at least {@code minimum} data fields. Later fields
     * (NMEA 4.1 adds some) are ignored by the callers, so only the lower bound is checked.
     */
    void requireAtLeast(int minimum) throws SentenceException {
        if (fields.size() < minimum) {
            throw new SentenceException(DeviceErrorKind.UNPARSEABLE, sentenceType + " sentence has " + fields.size()
                    + " data fields, expected at least " + minimum);
        }
    }

    /** Returns field {@code index} as sent, or "" when the sentence is shorter. */
    String text(int index) {
        return index < fields.size() ? fields.get(index) : "";
    }

    boolean isEmpty(int index) {
        return text(index).isEmpty();
    }

    /** Parses a signed decimal such as {@code -31.442}, or returns null for an empty field. */
    Double decimal(int index, String name) throws SentenceException {
        String value = text(index);
        if (value.isEmpty()) {
            return null;
        }
        if (!DECIMAL.matcher(value).matches()) {
            throw invalid(name, value, "is not a decimal number");
        }
        return Double.parseDouble(value);
    }

    /** Parses a decimal that must not be negative, such as a speed or course. */
    Double nonNegativeDecimal(int index, String name) throws SentenceException {
        Double value = decimal(index, name);
        if (value != null && value < 0) {
            throw invalid(name, text(index), "is negative");
        }
        return value;
    }

    /** Parses an unsigned integer such as a satellite count, or returns null for an empty field. */
    Integer unsignedInteger(int index, String name) throws SentenceException {
        String value = text(index);
        if (value.isEmpty()) {
            return null;
        }
        if (!UNSIGNED_INTEGER.matcher(value).matches()) {
            throw invalid(name, value, "is not an unsigned integer");
        }
        return Integer.parseInt(value);
    }

    /**
     * Reads a one-letter field that must be one of {@code allowed}, such as a status A/V, or
     * returns null for an empty field.
     */
    Character letter(int index, String name, String allowed) throws SentenceException {
        String value = text(index);
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() != 1 || allowed.indexOf(value.charAt(0)) < 0) {
            throw invalid(name, value, "is not one of " + String.join(", ", allowed.split("")));
        }
        return value.charAt(0);
    }

    /** Reads an NMEA 2.3+ mode indicator, or returns null when the field is empty or absent. */
    FixMode mode(int index) throws SentenceException {
        String value = text(index);
        if (value.isEmpty()) {
            return null;
        }
        FixMode mode = value.length() == 1 ? FixMode.fromIndicator(value.charAt(0)) : null;
        if (mode == null) {
            throw invalid("mode indicator", value, "is not one of A, D, E, F, M, N, P, R, S");
        }
        return mode;
    }

    /** Returns an UNPARSEABLE rejection naming the sentence type, field and value. */
    SentenceException invalid(String name, String value, String problem) {
        return new SentenceException(DeviceErrorKind.UNPARSEABLE,
                sentenceType + " " + name + " " + Excerpt.quote(value) + " " + problem);
    }
}
