package org.rescuegrid.uplink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rescuegrid.testing.TestPki;

class UplinkTlsTest {

    private static final String HTTPS_URL = "https://127.0.0.1:8124/hq/v1/batches";

    @TempDir
    static Path directory;

    private static TestPki pki;
    private static Path districtStore;

    @BeforeAll
    static void createPki() {
        pki = TestPki.create(directory, "uplink-test-" + System.nanoTime());
        districtStore = pki.issue("pb-lhr", "PB-LHR", false);
    }

    @Test
    void httpNeedsNoStores() {
        UplinkConfig config = TestUplinkConfig.valid();

        assertNull(UplinkTls.from(config, URI.create(config.hqUrl()), null));
    }

    @Test
    void mutualTlsWithoutTokenAccepted() {
        UplinkConfig config = mutual(Map.of("token", ""));

        UplinkSettings settings = UplinkSettings.from(config);
        UplinkTls tls = UplinkTls.from(config, settings.hqUrl(), null);

        assertEquals("", settings.token());
        assertTrue(tls.mutual());
        assertNotNull(tls.sslContextParameters().getKeyManagers());
        assertNotNull(tls.sslContextParameters().getTrustManagers());
    }

    @Test
    void relativePathsResolvedAgainstEtc() {
        UplinkConfig config = mutual(Map.of("keyStore", "pb-lhr.p12", "trustStore", "truststore.p12"));

        assertTrue(UplinkTls.from(config, URI.create(HTTPS_URL), directory).mutual());
    }

    @Test
    void httpsWithTokenAndTrustStoreOnlyAccepted() {
        UplinkConfig config = TlsUplinkConfig.with(TestUplinkConfig.valid().withHqUrl(HTTPS_URL),
                Map.of("trustStore", pki.trustStore().toString(), "trustStorePassword", pki.password()));

        UplinkTls tls = UplinkTls.from(config, URI.create(HTTPS_URL), null);

        assertFalse(tls.mutual());
        assertNull(tls.sslContextParameters().getKeyManagers());
    }

    @Test
    void httpsWithoutKeyStoreNeedsToken() {
        UplinkConfig config = TlsUplinkConfig.with(TestUplinkConfig.valid().withHqUrl(HTTPS_URL).withToken(""),
                Map.of("trustStore", pki.trustStore().toString(), "trustStorePassword", pki.password()));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> UplinkSettings.from(config));

        assertTrue(error.getMessage().startsWith("org.rescuegrid.uplink: token is 0 characters long"), error.getMessage());
        assertTrue(error.getMessage().contains("keyStore"), error.getMessage());
    }

    @Test
    void keyStoreWithHttpUrlRejected() {
        UplinkConfig config = mutual(Map.of("hqUrl", "http://127.0.0.1:8123/hq/v1/batches"));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> UplinkTls.from(config, URI.create(config.hqUrl()), null));

        assertEquals("org.rescuegrid.uplink: keyStore is set but hqUrl='http://127.0.0.1:8123/hq/v1/batches' is not https;"
                + " set HQ's https URL, for example https://hq.example:8124/hq/v1/batches, or remove keyStore", error.getMessage());
    }

    @Test
    void httpsWithoutTrustStoreRejected() {
        UplinkConfig config = mutual(Map.of("trustStore", ""));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> UplinkTls.from(config, URI.create(HTTPS_URL), null));

        assertTrue(error.getMessage().startsWith("org.rescuegrid.uplink: trustStore is empty but hqUrl='" + HTTPS_URL + "' is https"),
                error.getMessage());
    }

    @Test
    void missingKeyStoreRejected() {
        String missing = directory.resolve("absent.p12").toString();
        UplinkConfig config = mutual(Map.of("keyStore", missing));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> UplinkTls.from(config, URI.create(HTTPS_URL), null));

        assertTrue(error.getMessage().startsWith("org.rescuegrid.uplink: keyStore='" + missing + "' does not exist"), error.getMessage());
    }

    @Test
    void wrongKeyStorePasswordRejected() {
        UplinkConfig config = mutual(Map.of("keyStorePassword", "not-the-password"));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> UplinkTls.from(config, URI.create(HTTPS_URL), null));

        assertTrue(error.getMessage().contains("keyStorePassword does not open keyStore='" + districtStore + "' (wrong password)"),
                error.getMessage());
        assertFalse(error.getMessage().contains("not-the-password"), "the message must not show the password: " + error.getMessage());
    }

    @Test
    void wrongTrustStorePasswordRejected() {
        UplinkConfig config = mutual(Map.of("trustStorePassword", "not-the-password"));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> UplinkTls.from(config, URI.create(HTTPS_URL), null));

        assertTrue(error.getMessage().contains("trustStorePassword does not open trustStore="), error.getMessage());
    }

    /** Returns a valid mutual TLS configuration of the district PB-LHR with some values replaced. */
    private static UplinkConfig mutual(Map<String, Object> changes) {
        Map<String, Object> values = new HashMap<>();
        values.put("keyStore", districtStore.toString());
        values.put("keyStorePassword", pki.password());
        values.put("trustStore", pki.trustStore().toString());
        values.put("trustStorePassword", pki.password());
        values.put("hqUrl", HTTPS_URL);
        values.putAll(changes);
        return TlsUplinkConfig.with(TestUplinkConfig.valid(), values);
    }
}
