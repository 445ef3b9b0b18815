package org.rescuegrid.simulators.internal.camera;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** An HTTP response of the simulated camera. */
record Reply(int status, String contentType, byte[] body, Map<String, List<String>> headers) {

    static final String SOAP = "application/soap+xml; charset=utf-8";

    static Reply soap(int status, String envelope) {
        return new Reply(status, SOAP, envelope.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Reply text(int status, String text) {
        return new Reply(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
