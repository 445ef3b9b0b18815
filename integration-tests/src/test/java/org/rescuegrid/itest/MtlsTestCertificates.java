package org.rescuegrid.itest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.rescuegrid.testing.TestPki;

/**
 * Creates the certificates of {@link UplinkMtlsIT} in the test JVM. It is a class of its own because the test
 * class is loaded again inside Karaf, where the test support library is not installed.
 */
final class MtlsTestCertificates {

    private MtlsTestCertificates() {
    }

    /**
     * Creates a CA, HQ's key store {@code hq.p12}, the districts' {@code pb-lhr.p12}, {@code pb-khi.p12},
     * {@code pb-xyz.p12} and {@code pb-khi-old.p12} signed by it, a self-signed {@code impostor.p12} with CN PB-LHR,
     * and the CRL {@code hq.crl} that revokes {@code pb-khi-old.p12}. Returns the trust store.
     */
    static Path create(Path directory, String password) throws IOException {
        TestPki pki = TestPki.create(directory, password);
        ExecutorService keytool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Path>> stores = List.of(
                    keytool.submit(() -> pki.issue("hq", "localhost", true)),
                    keytool.submit(() -> pki.issue("pb-lhr", "PB-LHR", false)),
                    keytool.submit(() -> pki.issue("pb-khi", "PB-KHI", false)),
                    keytool.submit(() -> pki.issue("pb-xyz", "PB-XYZ", false)),
                    keytool.submit(() -> pki.issue("pb-khi-old", "PB-KHI", false)),
                    keytool.submit(() -> pki.selfSigned("impostor", "PB-LHR")));
            for (Future<Path> store : stores) {
                store.get();
            }
            pki.crl("hq.crl", "pb-khi-old");
        } catch (Exception e) {
            throw new IOException("test certificates could not be created in " + directory + ": " + e.getMessage(), e);
        } finally {
            keytool.shutdown();
        }
        return pki.trustStore();
    }
}
