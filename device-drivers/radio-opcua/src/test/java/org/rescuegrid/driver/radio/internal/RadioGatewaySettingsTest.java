package org.rescuegrid.driver.radio.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void userCertificateIsLoadedAtActivation(@TempDir Path etc) throws Exception {
        Path keystore = etc.resolve("opcua/users.p12");
        Files.createDirectories(keystore.getParent());
        GatewayClientTest.writeUserKeystore(keystore, "desk-1", "keystore-1");

        RadioGatewaySettings settings = RadioGatewaySettings.from(TestConfigs.gateway("lhr-1", URL)
                .certificate("opcua/users.p12", "keystore-1", "desk-1").build(), etc);

        assertEquals(1, settings.userCertificate().chain().size());
        assertTrue(settings.identityLabel().contains("CN=RescueGrid dispatch desk"), settings.identityLabel());
        assertFalse(settings.toString().contains("keystore-1"), settings.toString());
    }

    @Test
    void badUserCertificateIsRejected(@TempDir Path etc) throws Exception {
        Path keystore = etc.resolve("users.p12");
        GatewayClientTest.writeUserKeystore(keystore, "desk-1", "keystore-1");

        assertRejected("does not exist", etc, TestConfigs.gateway("gw", URL).certificate("missing.p12", "keystore-1", "desk-1"));
        assertRejected("the password is wrong", etc, TestConfigs.gateway("gw", URL).certificate("users.p12", "wrong", "desk-1"));
        assertRejected("no key entry 'desk-2'; it has [desk-1]", etc, TestConfigs.gateway("gw", URL).certificate("users.p12", "keystore-1", "desk-2"));
        assertRejected("userCertificateAlias=''", etc, TestConfigs.gateway("gw", URL).certificate("users.p12", "keystore-1", " "));
        assertRejected("userKeystorePassword is empty", etc, TestConfigs.gateway("gw", URL).certificate("users.p12", "", "desk-1"));
    }

    @Test
    void reconnectDelaysAreValidated() {
        RadioGatewaySettings settings = RadioGatewaySettings.from(TestConfigs.gateway("gw", URL).reconnectDelays(2, 30).build());

        assertEquals(List.of(2L, 4L, 8L, 16L, 30L, 30L), IntStream.rangeClosed(1, 6)
                .mapToObj(settings::reconnectDelaySeconds).toList());
        assertEquals("2-30 s", settings.reconnectDelays());
        assertRejected("initialReconnectDelaySeconds='40'", TestConfigs.gateway("gw", URL).reconnectDelays(40, 30));
        assertRejected("initialReconnectDelaySeconds='0'", TestConfigs.gateway("gw", URL).reconnectDelays(0, 30));
        assertRejected("maxReconnectDelaySeconds='601'", TestConfigs.gateway("gw", URL).reconnectDelays(1, 601));
    }

    @Test
    void eventTypeNamesAreValidated() {
        RadioGatewaySettings none = RadioGatewaySettings.from(TestConfigs.gateway("gw", URL).eventTypes(" ", "").build());

        assertNull(none.emergencyEventType());
        assertNull(none.radioOfflineEventType());
        assertRejected("emergencyEventType='2:Panic'", TestConfigs.gateway("gw", URL).eventTypes("2:Panic", ""));
    }

    @Test
    void statusTableRejectsBadEntries() {
        assertRejected("entry 'x=available'", TestConfigs.gateway("gw", URL).statusCodes("x=available"));
        assertRejected("entry '1=parked'", TestConfigs.gateway("gw", URL).statusCodes("1=parked"));
        assertRejected("entry '1=on-scene'", TestConfigs.gateway("gw", URL).statusCodes("1=available", "1=on-scene"));
        assertRejected("statusCodes is empty", TestConfigs.gateway("gw", URL).statusCodes(" "));
    }

    private static void assertRejected(String expected, TestConfigs.Builder config) {
        assertRejected(expected, Path.of("etc"), config);
    }

    private static void assertRejected(String expected, Path etc, TestConfigs.Builder config) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> RadioGatewaySettings.from(config.build(), etc));
        assertTrue(error.getMessage().startsWith(RadioGatewaySettings.PID + ": "), error.getMessage());
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }
}
