package org.rescuegrid.driver.teltonika.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;

import org.junit.jupiter.api.Test;

class TeltonikaDriverSettingsTest {

    @Test
    void defaultsAreAccepted() {
        TeltonikaDriverSettings settings = TeltonikaDriverSettings.from(config("127.0.0.1", 5027, 8192));

        assertEquals("tcp://127.0.0.1:5027", settings.endpoint());
        assertEquals(8192, settings.maxFrameLength());
    }

    @Test
    void portOutOfRangeRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TeltonikaDriverSettings.from(config("127.0.0.1", 70000, 8192)));
        assertEquals("org.rescuegrid.driver.teltonika: port='70000' is invalid; set a whole number from 1 to 65535", e.getMessage());
    }

    @Test
    void hugeFrameLimitRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TeltonikaDriverSettings.from(config("127.0.0.1", 5027, 2_000_000)));
        assertEquals("org.rescuegrid.driver.teltonika: maxFrameLength='2000000' is invalid; set a whole number from 64 to 1048576", e.getMessage());
    }

    @Test
    void udpOffByDefault() {
        TeltonikaDriverSettings settings = TeltonikaDriverSettings.from(config("127.0.0.1", 5027, 8192));

        assertFalse(settings.udpEnabled());
    }

    @Test
    void udpPortAccepted() {
        TeltonikaDriverSettings settings = TeltonikaDriverSettings.from(config("127.0.0.1", 5027, 8192, 5027));

        assertTrue(settings.udpEnabled());
        assertEquals("udp://127.0.0.1:5027", settings.udpEndpoint());
    }

    @Test
    void udpPortOutOfRangeRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TeltonikaDriverSettings.from(config("127.0.0.1", 5027, 8192, 65536)));
        assertEquals("org.rescuegrid.driver.teltonika: udpPort='65536' is invalid; set 0 for no UDP listener, or a port from 1 to 65535",
                e.getMessage());
    }

    static TeltonikaDriverConfig config(String host, int port, int maxFrameLength) {
        return config(host, port, maxFrameLength, 0);
    }

    static TeltonikaDriverConfig config(String host, int port, int maxFrameLength, int udpPort) {
        return new TeltonikaDriverConfig() {
            @Override
            public int udpPort() {
                return udpPort;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return TeltonikaDriverConfig.class;
            }

            @Override
            public String host() {
                return host;
            }

            @Override
            public int port() {
                return port;
            }

            @Override
            public int maxFrameLength() {
                return maxFrameLength;
            }

            @Override
            public int idleTimeoutSeconds() {
                return 600;
            }
        };
    }
}
