package org.rescuegrid.hq.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rescuegrid.testing.TestPki;

class RevokedCertificatesTest {

    private static final String PID = HqTlsSettings.PID;

    @TempDir
    static Path directory;
    private static TestPki pki;
    private static KeyStore trustStore;
    private static X509Certificate lahore;
    private static X509Certificate karachi;

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory, "revoked-" + System.nanoTime());
        pki.issue("pb-lhr", "PB-LHR", false);
        pki.issue("pb-khi", "PB-KHI", false);
        trustStore = load(pki.trustStore(), "hq-ca");
        lahore = (X509Certificate) load(directory.resolve("pb-lhr.p12"), "pb-lhr").getCertificate("pb-lhr");
        karachi = (X509Certificate) load(directory.resolve("pb-khi.p12"), "pb-khi").getCertificate("pb-khi");
    }

    @Test
    void listedFingerprintRevoked() {
        String fingerprint = fingerprint(lahore);
        RevokedCertificates revoked = RevokedCertificates.from(PID, fingerprint.replace(":", "").toLowerCase() + ", ", "", trustStore, null);

        Optional<String> reason = revoked.reason(lahore, fingerprint);

        assertTrue(reason.isPresent());
        assertEquals("its fingerprint is listed in revokedFingerprints of " + PID, reason.get());
        assertEquals(Optional.empty(), revoked.reason(karachi, fingerprint(karachi)));
    }

    @Test
    void invalidFingerprintRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RevokedCertificates.from(PID, "AB:CD", "", trustStore, null));

        assertTrue(e.getMessage().startsWith(PID + ": revokedFingerprints='AB:CD' is invalid"), e.getMessage());
    }

    @Test
    void crlListsRevokedSerial() {
        Path crl = pki.crl("karachi.crl", "pb-khi");

        RevokedCertificates revoked = RevokedCertificates.from(PID, "", crl.toString(), trustStore, null);

        Optional<String> reason = revoked.reason(karachi, fingerprint(karachi));
        assertTrue(reason.isPresent());
        assertEquals("serial " + pki.serial("pb-khi").toString(16) + " is listed in the CRL " + crl, reason.get());
        assertEquals(Optional.empty(), revoked.reason(lahore, fingerprint(lahore)));
    }

    @Test
    void changedCrlReadAgain() throws IOException {
        Path crl = directory.resolve("current.crl");
        Files.copy(pki.crl("none.crl"), crl, StandardCopyOption.REPLACE_EXISTING);
        RevokedCertificates revoked = RevokedCertificates.from(PID, "", crl.toString(), trustStore, null);
        assertEquals(Optional.empty(), revoked.reason(lahore, fingerprint(lahore)));

        Files.copy(pki.crl("lahore.crl", "pb-lhr"), crl, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(crl, FileTime.from(Instant.now().plusSeconds(5)));

        assertTrue(revoked.reason(lahore, fingerprint(lahore)).isPresent());
    }

    @Test
    void brokenCrlKeepsPreviousList() throws IOException {
        Path crl = directory.resolve("broken.crl");
        Files.copy(pki.crl("karachi-2.crl", "pb-khi"), crl, StandardCopyOption.REPLACE_EXISTING);
        RevokedCertificates revoked = RevokedCertificates.from(PID, "", crl.toString(), trustStore, null);

        Files.writeString(crl, "not a CRL");
        Files.setLastModifiedTime(crl, FileTime.from(Instant.now().plusSeconds(5)));

        assertTrue(revoked.reason(karachi, fingerprint(karachi)).isPresent());
        assertFalse(revoked.reason(lahore, fingerprint(lahore)).isPresent());
    }

    @Test
    void crlOfOtherCaRejected() throws IOException {
        Path other = Files.createDirectories(directory.resolve("other-ca"));
        Path crl = TestPki.create(other, "other-" + System.nanoTime()).crl("other.crl");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RevokedCertificates.from(PID, "", crl.toString(), trustStore, null));

        assertTrue(e.getMessage().startsWith(PID + ": crl='" + crl + "' has an invalid signature of CN=RescueGrid test CA"), e.getMessage());
    }

    @Test
    void missingCrlRejected() {
        Path crl = directory.resolve("absent.crl");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RevokedCertificates.from(PID, "", crl.toString(), trustStore, null));

        assertTrue(e.getMessage().startsWith(PID + ": crl='" + crl + "' could not be read"), e.getMessage());
    }

    private static String fingerprint(X509Certificate certificate) {
        return DistrictCertificates.read(certificate).fingerprint();
    }

    private static KeyStore load(Path file, String alias) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, pki.password().toCharArray());
        }
        assertTrue(store.containsAlias(alias), file + " contains " + alias);
        return store;
    }
}
