package org.rescuegrid.hq.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rescuegrid.testing.TestPki;

class HqTlsSettingsTest {

    private static final Map<String, Object> DISTRICTS = Map.of("district.PB-LHR.cn", "PB-LHR");

    @TempDir
    static Path directory;

    private static TestPki pki;
    private static Path hqStore;
    private static Path selfSignedStore;

    /** An {@link HqTlsConfig} as DS would build it from a .cfg file. */
    record Config(String host, int port, String keyStore, String keyStorePassword, String trustStore, String trustStorePassword,
            long maxBodyBytes) implements HqTlsConfig {

        static Config valid() {
            return new Config("127.0.0.1", 8124, hqStore.toString(), pki.password(), pki.trustStore().toString(), pki.password(), 8_388_608);
        }

        Config withKeyStore(String path, String password) {
            return new Config(host, port, path, password, trustStore, trustStorePassword, maxBodyBytes);
        }

        Config withTrustStore(String path, String password) {
            return new Config(host, port, keyStore, keyStorePassword, path, password, maxBodyBytes);
        }

        Config withPort(int value) {
            return new Config(host, value, keyStore, keyStorePassword, trustStore, trustStorePassword, maxBodyBytes);
        }

        // Revocation is validated by RevokedCertificatesTest.
        @Override
        public String revokedFingerprints() {
            return "";
        }

        @Override
        public String crl() {
            return "";
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return HqTlsConfig.class;
        }
    }

    @BeforeAll
    static void createPki() {
        pki = TestPki.create(directory, "hq-test-" + System.nanoTime());
        hqStore = pki.issue("hq", "localhost", true);
        selfSignedStore = pki.selfSigned("lone", "PB-LHR");
    }

    @Test
    void validConfigAccepted() {
        HqTlsSettings settings = HqTlsSettings.from(Config.valid(), DISTRICTS, null);

        assertEquals("127.0.0.1", settings.host());
        assertEquals(8124, settings.port());
        assertEquals(1, settings.districts().size());
    }

    @Test
    void relativePathsResolvedAgainstEtc() {
        Config config = Config.valid().withKeyStore("hq.p12", pki.password()).withTrustStore("truststore.p12", pki.password());

        HqTlsSettings settings = HqTlsSettings.from(config, DISTRICTS, directory);

        assertEquals(1, settings.districts().size());
    }

    @Test
    void missingKeyStoreRejected() {
        String missing = directory.resolve("absent.p12").toString();

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> HqTlsSettings.from(Config.valid().withKeyStore(missing, pki.password()), DISTRICTS, null));

        assertTrue(error.getMessage().startsWith("org.rescuegrid.hq.tls: keyStore='" + missing + "' does not exist"), error.getMessage());
        assertTrue(error.getMessage().contains("keytool"), error.getMessage());
    }

    @Test
    void emptyKeyStoreRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> HqTlsSettings.from(Config.valid().withKeyStore("", pki.password()), DISTRICTS, null));

        assertTrue(error.getMessage().startsWith("org.rescuegrid.hq.tls: keyStore is empty"), error.getMessage());
    }

    @Test
    void wrongKeyStorePasswordRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> HqTlsSettings.from(Config.valid().withKeyStore(hqStore.toString(), "wrong-password"), DISTRICTS, null));

        assertTrue(error.getMessage().contains("keyStorePassword does not open keyStore='" + hqStore + "' (wrong password)"), error.getMessage());
        assertFalse(error.getMessage().contains("wrong-password"), "the message must not show the password: " + error.getMessage());
    }

    @Test
    void unresolvedPasswordPlaceholderRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> HqTlsSettings.from(Config.valid().withKeyStore(hqStore.toString(), "$[secret:hq-tls.password]"), DISTRICTS, null));

        assertTrue(error.getMessage().contains("keyStorePassword is the unresolved placeholder"), error.getMessage());
    }

    @Test
    void missingTrustStoreRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> HqTlsSettings.from(Config.valid().withTrustStore(" ", pki.password()), DISTRICTS, null));

        assertTrue(error.getMessage().startsWith("org.rescuegrid.hq.tls: trustStore is empty"), error.getMessage());
        assertTrue(error.getMessage().contains("CA certificate"), error.getMessage());
    }

    @Test
    void trustStoreWithoutCaRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> HqTlsSettings.from(Config.valid().withTrustStore(selfSignedStore.toString(), pki.password()), DISTRICTS, null));

        assertTrue(error.getMessage().contains("trustStore='" + selfSignedStore + "' contains no trusted CA certificate"), error.getMessage());
    }

    @Test
    void keyStoreWithoutKeyRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> HqTlsSettings.from(Config.valid().withKeyStore(pki.trustStore().toString(), pki.password()), DISTRICTS, null));

        assertTrue(error.getMessage().contains("contains no private key"), error.getMessage());
    }

    @Test
    void noDistrictRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> HqTlsSettings.from(Config.valid(), Map.of(), null));

        assertTrue(error.getMessage().contains("no district is configured"), error.getMessage());
        assertTrue(error.getMessage().contains("district.CODE.cn"), error.getMessage());
    }

    @Test
    void invalidPortRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> HqTlsSettings.from(Config.valid().withPort(70_000), DISTRICTS, null));

        assertEquals("org.rescuegrid.hq.tls: port='70000' is invalid; set a TCP port from 1 to 65535", error.getMessage());
    }
}
