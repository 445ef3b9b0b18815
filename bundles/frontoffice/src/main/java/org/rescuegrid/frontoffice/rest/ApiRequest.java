package org.rescuegrid.frontoffice.rest;

/**
 * One HTTP request to the REST API, independent of the server that received it.
 *
 * @param path path below {@link RestResource#BASE}, such as {@code /incidents/INC-000001}
 * @param query raw query string without '?', or null
 * @param authorization the Authorization header, or null
 * @param contentType the Content-Type header, or null
 * @param body the request body as text, or null
 * @param remoteAddress the client's address for the audit trail, or null when unknown
 */
public record ApiRequest(String method, String path, String query, String authorization, String contentType, String body,
        String remoteAddress) {
}
