package org.rescuegrid.driver.gt06.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;

import org.junit.jupiter.api.Test;

class Gt06DriverSettingsTest {

    @Test
    void defaultsAreAccepted() {
        Gt06DriverSettings settings = Gt06DriverSettings.from(config("127.0.0.1", 5023, 1024, 600));

        assertEquals("tcp://127.0.0.1:5023", settings.endpoint());
        assertEquals(1024, settings.maxFrameLength());
    }

    @Test
    void portOutOfRangeRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gt06DriverSettings.from(config("127.0.0.1", 0, 1024, 600)));
        assertEquals("org.rescuegrid.driver.gt06: port='0' is invalid; set a whole number from 1 to 65535", e.getMessage());
    }

    @Test
    void smallFrameLimitRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gt06DriverSettings.from(config("127.0.0.1", 5023, 20, 600)));
        assertEquals("org.rescuegrid.driver.gt06: maxFrameLength='20' is invalid; set a whole number from 64 to 65540", e.getMessage());
    }

    @Test
    void blankHostRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gt06DriverSettings.from(config(" ", 5023, 1024, 600)));
        assertEquals("org.rescuegrid.driver.gt06: host='' is invalid; set an address of this machine such as 127.0.0.1,"
                + " 0.0.0.0 for every interface, or localhost", e.getMessage());
    }

    @Test
    void impossibleAddressRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gt06DriverSettings.from(config("999.1.1.1", 5023, 1024, 600)));
        assertEquals("org.rescuegrid.driver.gt06: host='999.1.1.1' is invalid; set an address of this machine such as 127.0.0.1,"
                + " 0.0.0.0 for every interface, or localhost", e.getMessage());
    }

    @Test
    void localAddressesAccepted() {
        for (String host : new String[] {"0.0.0.0", "127.0.0.1", "::1", "::", "localhost"}) {
            assertEquals(host, Gt06DriverSettings.from(config(host, 5023, 1024, 600)).host());
        }
    }

    @Test
    void foreignAddressAndNameRejected() {
        assertThrows(IllegalArgumentException.class, () -> Gt06DriverSettings.from(config("192.0.2.1", 5023, 1024, 600)));
        assertThrows(IllegalArgumentException.class, () -> Gt06DriverSettings.from(config("tracker-gateway", 5023, 1024, 600)));
    }

    @Test
    void shortIdleTimeoutRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gt06DriverSettings.from(config("127.0.0.1", 5023, 1024, 5)));
        assertEquals("org.rescuegrid.driver.gt06: idleTimeoutSeconds='5' is invalid; set a whole number from 30 to 86400", e.getMessage());
    }

    static Gt06DriverConfig config(String host, int port, int maxFrameLength, int idleTimeoutSeconds) {
        return new Gt06DriverConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return Gt06DriverConfig.class;
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
                return idleTimeoutSeconds;
            }

            @Override
            public boolean acknowledgeLocation() {
                return false;
            }
        };
    }
}
