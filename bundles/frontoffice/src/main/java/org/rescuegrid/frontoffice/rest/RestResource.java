package org.rescuegrid.frontoffice.rest;

import java.util.List;

/**
 * Resources another bundle serves below the front office's REST base {@value #BASE}, registered as an
 * OSGi service. The front office authenticates every request against the Karaf JAAS realm (401 without
 * valid credentials), writes the response body as JSON, and passes a request whose first path segment is
 * one of {@link #roots()} to {@link #handle}. The resource checks roles and audits its requests.
 */
public interface RestResource {

    /** Path of the REST API on the node's HTTP server. */
    String BASE = "/api/v1";

    /** First path segments this resource serves, such as {@code /sops}; they must not clash with another resource's. */
    List<String> roots();

    /**
     * Handles one authenticated request.
     *
     * @throws ApiException for a request it rejects, with the status and a sentence naming the value and the accepted form
     */
    ApiResponse handle(ApiRequest request, ApiUser user);
}
