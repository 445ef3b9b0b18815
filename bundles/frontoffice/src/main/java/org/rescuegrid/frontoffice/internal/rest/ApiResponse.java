package org.rescuegrid.frontoffice.internal.rest;

import java.util.Map;

/**
 * Response of the REST API: an HTTP status, a body that Jackson writes as JSON, and extra headers.
 */
record ApiResponse(int status, Object body, Map<String, String> headers) {

    ApiResponse {
        headers = Map.copyOf(headers);
    }

    static ApiResponse of(int status, Object body) {
        return new ApiResponse(status, body, Map.of());
    }
}
