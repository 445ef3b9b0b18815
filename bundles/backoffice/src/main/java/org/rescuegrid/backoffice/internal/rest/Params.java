package org.rescuegrid.backoffice.internal.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

import org.rescuegrid.frontoffice.rest.ApiException;
import org.rescuegrid.frontoffice.rest.ApiRequest;

/** Parses query parameters and bodies of the back office's REST API; a bad value gives 400 naming it and the accepted form. */
final class Params {

    private Params() {
    }

    /** Parses a UTC date (its midnight) or an ISO-8601 UTC time; null stays null. */
    static Instant time(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("query parameter '" + name + "' value '" + value + "' is invalid; use a UTC date such as 2026-12-04"
                    + " or a time such as 2026-12-04T10:00:00Z");
        }
    }

    static int positive(String name, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below with the accepted form.
        }
        throw ApiException.badRequest("query parameter '" + name + "' value '" + value + "' is invalid; give a whole number from 1");
    }

    /** Parses with a parser whose IllegalArgumentException message already names the accepted values. */
    static <T> T parse(String name, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name + " '" + value + "' is invalid: " + e.getMessage());
        }
    }

    static <T> T parse(String name, String value, Function<String, T> parser, String accepted) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("query parameter '" + name + "' value '" + value + "' is invalid; use " + accepted);
        }
    }

    /** Returns the body of a request that must carry the media type (415 for another, 400 for none). */
    static String body(ApiRequest request, String mediaType) {
        String type = request.contentType() == null ? "" : request.contentType().strip().toLowerCase(Locale.ROOT);
        if (!type.equals(mediaType) && !type.startsWith(mediaType + ";")) {
            throw new ApiException(415, "Content-Type '" + request.contentType() + "' is not accepted; send the body as " + mediaType);
        }
        if (request.body() == null || request.body().isBlank()) {
            throw ApiException.badRequest("the request body is empty; send the content as " + mediaType);
        }
        return request.body();
    }
}
