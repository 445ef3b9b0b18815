package org.rescuegrid.onvif.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

import org.rescuegrid.onvif.OnvifException;
import org.rescuegrid.onvif.OnvifHttpException;
import org.rescuegrid.onvif.OnvifUnreachableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

/**
 * Posts SOAP envelopes over HTTP and returns the first element of the response Body, or throws the
 * SOAP fault the camera returned. This is the one place where SOAP traffic is logged, at DEBUG.
 */
public final class SoapTransport {

    private static final Logger LOG = LoggerFactory.getLogger(SoapTransport.class);
    private static final int MAX_LOGGED_CHARS = 4000;
    private static final Pattern PASSWORD = Pattern.compile("(<wsse:Password[^>]*>)[^<]*(</wsse:Password>)");

    private final HttpClient httpClient;
    private final Duration timeout;

    public SoapTransport(HttpClient httpClient, Duration timeout) {
        this.httpClient = httpClient;
        this.timeout = timeout;
    }

    /**
     * Sends a request and blocks until the response's first Body element is read.
     *
     * @param addressingTo the WS-Addressing To header, or null to send no addressing headers
     */
    public XmlElement call(URI address, String action, SoapBody body, UsernameToken token, String addressingTo)
            throws OnvifException {
        return Futures.await(callAsync(address, action, body, token, addressingTo));
    }

    /**
     * Sends a request without blocking. The future completes with the response's first Body
     * element, or exceptionally with an {@link OnvifException}. No thread waits for the camera
     * meanwhile, and the response is read on the HttpClient's executor.
     */
    public CompletableFuture<XmlElement> callAsync(URI address, String action, SoapBody body, UsernameToken token,
            String addressingTo) {
        byte[] envelope = SoapEnvelopes.write(body, token, action, addressingTo);
        if (LOG.isDebugEnabled()) {
            String logged = PASSWORD.matcher(SoapEnvelopes.text(envelope)).replaceAll("$1(hidden)$2");
            LOG.debug("address={} direction=out action={} {}", address, action, excerpt(logged));
        }
        HttpRequest request = HttpRequest.newBuilder(address)
                .timeout(timeout)
                .header("Content-Type", "application/soap+xml; charset=utf-8; action=\"" + action + "\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope))
                .build();
        return httpClient.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, error) -> {
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null
                                ? error.getCause() : error;
                        throw Futures.wrap(new OnvifUnreachableException(action(action) + " to " + address
                                + " failed: " + cause, cause));
                    }
                    String text = new String(response.body(), StandardCharsets.UTF_8);
                    LOG.debug("address={} direction=in status={} {}", address, response.statusCode(), excerpt(text));
                    try {
                        return readBody(address, action, response.statusCode(), text);
                    } catch (OnvifException e) {
                        throw Futures.wrap(e);
                    }
                });
    }

    static XmlElement readBody(URI address, String action, int status, String text) throws OnvifException {
        Optional<XmlElement> envelope = parse(text);
        Optional<XmlElement> body = envelope.flatMap(root -> root.child("Body"));
        Optional<XmlElement> fault = body.flatMap(content -> content.child("Fault"));
        if (fault.isPresent()) {
            throw SoapFaults.read(fault.get(), status);
        }
        if (status / 100 != 2) {
            throw new OnvifHttpException(action(action) + " to " + address + " returned HTTP " + status, status);
        }
        if (body.isEmpty()) {
            throw new OnvifException(action(action) + " to " + address + " returned no SOAP Body: " + excerpt(text));
        }
        return body.get().children().stream().findFirst()
                .orElseThrow(() -> new OnvifException(action(action) + " to " + address + " returned an empty SOAP Body"));
    }

    private static Optional<XmlElement> parse(String text) {
        try {
            return Optional.of(XmlDocuments.parse(text));
        } catch (SAXException e) {
            return Optional.empty();
        }
    }

    /** Returns the operation name at the end of a SOAP action URI. */
    private static String action(String action) {
        return action.substring(action.lastIndexOf('/') + 1);
    }

    private static String excerpt(String text) {
        return text.length() <= MAX_LOGGED_CHARS ? text : text.substring(0, MAX_LOGGED_CHARS) + "...";
    }
}
