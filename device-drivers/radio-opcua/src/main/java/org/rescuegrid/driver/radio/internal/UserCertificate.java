package org.rescuegrid.driver.radio.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A user certificate and its private key for the X.509 user identity token, loaded from a PKCS#12 keystore.
 *
 * @param chain the user certificate first, then its issuers as the keystore entry contains them
 */
record UserCertificate(List<X509Certificate> chain, PrivateKey privateKey) {

    /** Returns the subject of the user certificate for the console and logs. */
    String subject() {
        return chain.get(0).getSubjectX500Principal().getName();
    }

    /**
     * Loads a key entry and checks that its certificate is valid now.
     *
     * @throws IllegalArgumentException with a sentence that names what is wrong: the file, the password, the alias or
     *     the certificate's validity
     */
    static UserCertificate load(Path keystore, char[] password, String alias) {
        if (!Files.isRegularFile(keystore)) {
            throw new IllegalArgumentException("keystore " + keystore + " does not exist or is not a file");
        }
        KeyStore store;
        try (InputStream in = Files.newInputStream(keystore)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (IOException e) {
            // PKCS12 reports a wrong password as an IOException whose cause is UnrecoverableKeyException.
            String reason = e.getCause() instanceof UnrecoverableKeyException ? "the password is wrong" : e.getMessage();
            throw new IllegalArgumentException("keystore " + keystore + " cannot be read: " + reason, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("keystore " + keystore + " cannot be read: " + e.getMessage(), e);
        }
        try {
            if (!store.isKeyEntry(alias)) {
                throw new IllegalArgumentException("keystore " + keystore + " has no key entry '" + alias + "'; it has "
                        + Collections.list(store.aliases()));
            }
            if (!(store.getKey(alias, password) instanceof PrivateKey key)) {
                throw new IllegalArgumentException("key entry '" + alias + "' in " + keystore + " holds no private key");
            }
            List<X509Certificate> chain = new ArrayList<>();
            Certificate[] stored = store.getCertificateChain(alias);
            for (Certificate certificate : stored == null ? new Certificate[0] : stored) {
                if (certificate instanceof X509Certificate x509) {
                    chain.add(x509);
                }
            }
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("key entry '" + alias + "' in " + keystore + " has no X.509 certificate");
            }
            chain.get(0).checkValidity();
            return new UserCertificate(List.copyOf(chain), key);
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new IllegalArgumentException("the certificate of key entry '" + alias + "' in " + keystore + " is not valid now: "
                    + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("key entry '" + alias + "' in " + keystore + " cannot be read: " + e.getMessage(), e);
        }
    }
}
