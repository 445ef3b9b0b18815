package org.rescuegrid.hq.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rescuegrid.testing.TestPki;

class DistrictCertificatesTest {

    private static final String PID = HqTlsSettings.PID;
    private static final String LHR_FINGERPRINT = "AB:".repeat(31) + "CD";

    @Test
    void cnMapsToDistrict() {
        DistrictCertificates districts = DistrictCertificates.from(PID, Map.of("district.PB-LHR.cn", "PB-LHR", "district.PB-KHI.cn", "karachi-node"));

        assertEquals(Optional.of("PB-LHR"), districts.districtOf(new DistrictCertificates.Presented("PB-LHR", LHR_FINGERPRINT)));
        assertEquals(Optional.of("PB-KHI"), districts.districtOf(new DistrictCertificates.Presented("karachi-node", LHR_FINGERPRINT)));
        assertEquals(Optional.empty(), districts.districtOf(new DistrictCertificates.Presented("PB-ISB", LHR_FINGERPRINT)));
        assertEquals(Optional.empty(), districts.districtOf(new DistrictCertificates.Presented(null, LHR_FINGERPRINT)));
    }

    @Test
    void fingerprintPinsCertificate() {
        String written = "sha256: " + LHR_FINGERPRINT.replace(":", "").toLowerCase();
        DistrictCertificates districts = DistrictCertificates.from(PID, Map.of("district.PB-LHR.fingerprint", written));

        assertEquals(Optional.of("PB-LHR"), districts.districtOf(new DistrictCertificates.Presented("anything", LHR_FINGERPRINT)));
        assertEquals(Optional.empty(), districts.districtOf(new DistrictCertificates.Presented("PB-LHR", "CD:".repeat(31) + "AB")));
    }

    @Test
    void fingerprintAndCnMustBothMatch() {
        DistrictCertificates districts = DistrictCertificates.from(PID,
                Map.of("district.PB-LHR.fingerprint", LHR_FINGERPRINT, "district.PB-LHR.cn", "PB-LHR"));

        assertEquals(Optional.of("PB-LHR"), districts.districtOf(new DistrictCertificates.Presented("PB-LHR", LHR_FINGERPRINT)));
        assertEquals(Optional.empty(), districts.districtOf(new DistrictCertificates.Presented("PB-KHI", LHR_FINGERPRINT)));
    }

    @Test
    void otherKeysIgnored() {
        DistrictCertificates districts = DistrictCertificates.from(PID, Map.of("port", 8124, "keyStore", "hq.p12", "district.PB-LHR.cn", "PB-LHR"));

        assertEquals(1, districts.size());
    }

    @Test
    void invalidKeyRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DistrictCertificates.from(PID, Map.of("district.PB-LHR.subject", "PB-LHR")));

        assertTrue(error.getMessage().startsWith(PID + ": key 'district.PB-LHR.subject' is invalid"), error.getMessage());
        assertTrue(error.getMessage().contains("district.CODE.cn"), error.getMessage());
    }

    @Test
    void invalidFingerprintRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DistrictCertificates.from(PID, Map.of("district.PB-LHR.fingerprint", "AB:CD")));

        assertTrue(error.getMessage().contains("district.PB-LHR.fingerprint='AB:CD' is invalid"), error.getMessage());
        assertTrue(error.getMessage().contains("64 hex digits"), error.getMessage());
    }

    @Test
    void sharedCnRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DistrictCertificates.from(PID, Map.of("district.PB-LHR.cn", "node", "district.PB-KHI.cn", "node")));

        assertTrue(error.getMessage().contains("both expect CN 'node'"), error.getMessage());
    }

    @Test
    void sharedFingerprintRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> DistrictCertificates.from(PID,
                Map.of("district.PB-LHR.fingerprint", LHR_FINGERPRINT, "district.PB-KHI.fingerprint", LHR_FINGERPRINT.replace(":", ""))));

        assertTrue(error.getMessage().contains("have the same certificate fingerprint"), error.getMessage());
    }

    @Test
    void emptyCnRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DistrictCertificates.from(PID, Map.of("district.PB-LHR.cn", " ")));

        assertTrue(error.getMessage().contains("district.PB-LHR.cn is empty"), error.getMessage());
    }

    @Test
    void readsCnAndFingerprintOfKeytoolCertificate(@TempDir Path directory) throws Exception {
        TestPki pki = TestPki.create(directory, "test-" + System.nanoTime());
        Path store = pki.selfSigned("district", "PB-LHR");
        X509Certificate certificate = certificate(store, "district", pki.password());
        String expectedFingerprint = HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));

        DistrictCertificates.Presented presented = DistrictCertificates.read(certificate);

        assertEquals("PB-LHR", presented.cn());
        assertEquals(expectedFingerprint, presented.fingerprint());
        assertEquals(Optional.of("PB-LHR"),
                DistrictCertificates.from(PID, Map.of("district.PB-LHR.fingerprint", expectedFingerprint)).districtOf(presented));
    }

    static X509Certificate certificate(Path store, String alias, String password) throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, password.toCharArray());
        }
        return (X509Certificate) keyStore.getCertificate(alias);
    }
}
