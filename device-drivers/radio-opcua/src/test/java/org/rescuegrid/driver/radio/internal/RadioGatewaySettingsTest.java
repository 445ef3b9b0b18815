package org.rescuegrid.driver.radio.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.junit.jupiter.api.Test;

class RadioGatewaySettingsTest {

    private static final String URL = "opc.tcp://127.0.0.1:48401/radio-gateway";

    @Test
    void defaultsAreValid() {
        RadioGatewaySettings settings = RadioGatewaySettings.from(TestConfigs.gateway("lhr-1", URL).build());

        assertEquals(SecurityPolicy.None, settings.securityPolicy());
        assertEquals(MessageSecurityMode.None, settings.securityMode());
        assertEquals(List.of("Radios"), settings.radiosPath());
        assertEquals(Optional.of(UnitStatus.EN_ROUTE), settings.statusTable().statusOf(3));
        assertEquals("anonymous", settings.identityLabel());
        assertFalse(settings.secured());
    }

    @Test
    void securedUserConfigurationIsValid() {
        RadioGatewaySettings settings = RadioGatewaySettings.from(TestConfigs.gateway("lhr-1", URL)
                .security("Aes128_Sha256_RsaOaep", "SignAndEncrypt").user("dispatcher", "s3cret").radiosPath("Gateway/Radios").build());

        assertEquals(SecurityPolicy.Aes128_Sha256_RsaOaep, settings.securityPolicy());
        assertEquals(List.of("Gateway", "Radios"), settings.radiosPath());
        assertTrue(settings.secured());
        assertFalse(settings.toString().contains("s3cret"), settings.toString());
    }

    @Test
    void invalidValuesAreRejectedWithKey() {
        assertRejected("endpointUrl='http://127.0.0.1/'", TestConfigs.gateway("gw", "http://127.0.0.1/"));
        assertRejected("name='bad name'", TestConfigs.gateway("bad name", URL));
        assertRejected("securityPolicy='Basic128Rsa15'", TestConfigs.gateway("gw", URL).security("Basic128Rsa15", "Sign"));
        assertRejected("securityMode='None'", TestConfigs.gateway("gw", URL).security("Basic256Sha256", "None"));
        assertRejected("securityMode='Sign'", TestConfigs.gateway("gw", URL).security("None", "Sign"));
        assertRejected("password is empty", TestConfigs.gateway("gw", URL).user("dispatcher", ""));
        assertRejected("radiosPath='Gateway//Radios'", TestConfigs.gateway("gw", URL).radiosPath("Gateway//Radios"));
    }

    @Test
    void statusTableRejectsBadEntries() {
        assertRejected("entry 'x=available'", TestConfigs.gateway("gw", URL).statusCodes("x=available"));
        assertRejected("entry '1=parked'", TestConfigs.gateway("gw", URL).statusCodes("1=parked"));
        assertRejected("entry '1=on-scene'", TestConfigs.gateway("gw", URL).statusCodes("1=available", "1=on-scene"));
        assertRejected("statusCodes is empty", TestConfigs.gateway("gw", URL).statusCodes(" "));
    }

    private static void assertRejected(String expected, TestConfigs.Builder config) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> RadioGatewaySettings.from(config.build()));
        assertTrue(error.getMessage().startsWith(RadioGatewaySettings.PID + ": "), error.getMessage());
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }
}
