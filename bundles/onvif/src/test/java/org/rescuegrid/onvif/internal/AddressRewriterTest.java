package org.rescuegrid.onvif.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.rescuegrid.onvif.OnvifException;

class AddressRewriterTest {

    private final AddressRewriter rewriter = new AddressRewriter(URI.create("http://127.0.0.1:8131/onvif/device_service"));

    @Test
    void serviceTakesReachedHostAndPort() throws OnvifException {
        assertEquals(URI.create("http://127.0.0.1:8131/onvif/services"),
                rewriter.rewriteService("http://10.20.30.40/onvif/services"));
    }

    @Test
    void serviceKeepsQuery() throws OnvifException {
        assertEquals(URI.create("http://127.0.0.1:8131/onvif/subscription?Idx=3"),
                rewriter.rewriteService("http://10.20.30.40:80/onvif/subscription?Idx=3"));
    }

    @Test
    void firstOfSeveralXAddrsUsed() throws OnvifException {
        assertEquals(URI.create("http://127.0.0.1:8131/onvif/device_service"),
                rewriter.rewriteService(" http://10.20.30.40/onvif/device_service http://[fe80::1]/onvif/device_service "));
    }

    @Test
    void mediaKeepsSchemeAndPort() throws OnvifException {
        assertEquals(URI.create("rtsp://127.0.0.1:554/h264main"), rewriter.rewriteHost("rtsp://10.20.30.40:554/h264main"));
        assertEquals(URI.create("http://127.0.0.1/snap.jpg?size=2"), rewriter.rewriteHost("http://10.20.30.40/snap.jpg?size=2"));
    }

    @Test
    void relativeAddressRejected() {
        OnvifException failure = assertThrows(OnvifException.class, () -> rewriter.rewriteService("/onvif/services"));
        assertEquals("camera reported address '/onvif/services', expected an absolute URI", failure.getMessage());
    }
}
