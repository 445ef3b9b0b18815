package org.rescuegrid.frontoffice.rest;

import java.util.Map;

/**
 * Response of the REST API: an HTTP status, a body that Jackson writes as JSON, and extra headers.
 */
public record ApiResponse(int status, Object body, Map<String, String> headers) {

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public static ApiResponse of(int status, Object body) {
        return new ApiResponse(status, body, Map.of());
    }

    /** Returns a response whose body is {@code {"error": message}}. */
    public static ApiResponse error(int status, String message) {
        return of(status, Map.of("error", message));
    }
}
