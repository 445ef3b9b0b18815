package org.rescuegrid.onvif;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.rescuegrid.onvif.internal.Futures;
import org.rescuegrid.onvif.internal.HttpDigest;

/**
 * Fetches snapshots over HTTP. The first request goes without credentials. On 401 the client
 * responds to a Digest challenge if the camera offers one, and falls back to Basic otherwise,
 * because cameras differ in which they accept.
 */
public final class SnapshotClient {

    private final HttpClient httpClient;
    private final Duration timeout;

    public SnapshotClient(HttpClient httpClient, Duration timeout) {
        this.httpClient = httpClient;
        this.timeout = timeout;
    }

    public Snapshot fetch(URI uri, String username, String password) throws OnvifException {
        return Futures.await(fetchAsync(uri, username, password));
    }

    /** Fetches a snapshot without blocking. The future fails with an {@link OnvifException}. */
    public CompletableFuture<Snapshot> fetchAsync(URI uri, String username, String password) {
        return send(uri, null).thenCompose(first -> {
            if (first.statusCode() != 401) {
                return CompletableFuture.completedFuture(first);
            }
            List<String> challenges = first.headers().allValues("WWW-Authenticate");
            Optional<Map<String, String>> digest = HttpDigest.challenge(challenges);
            String requestUri = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String authorization = digest.isPresent()
                    ? HttpDigest.authorization(digest.get(), "GET", requestUri, username, password)
                    : "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            return send(uri, authorization);
        }).thenApply(response -> {
            try {
                return read(uri, response);
            } catch (OnvifException e) {
                throw Futures.wrap(e);
            }
        });
    }

    private static Snapshot read(URI uri, HttpResponse<byte[]> response) throws OnvifException {
        if (response.statusCode() != 200) {
            throw new OnvifHttpException("snapshot " + uri + " returned HTTP " + response.statusCode(), response.statusCode());
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!contentType.startsWith("image/")) {
            throw new OnvifException("snapshot " + uri + " returned Content-Type '" + contentType + "', expected an image");
        }
        return new Snapshot(response.body(), contentType);
    }

    private CompletableFuture<HttpResponse<byte[]>> send(URI uri, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return httpClient.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .exceptionally(error -> {
                    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                    throw Futures.wrap(new OnvifUnreachableException("snapshot " + uri + " failed: " + cause, cause));
                });
    }
}
