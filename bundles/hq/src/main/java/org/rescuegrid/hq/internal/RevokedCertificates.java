package org.rescuegrid.hq.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.rescuegrid.feed.support.TlsStores;

/**
 * District certificates that HQ rejects although its CA signed them: the SHA-256 fingerprints of
 * {@code revokedFingerprints}, and the certificates that the CRL file of {@code crl} lists. The CRL must be signed
 * by a CA of the trust store. The file is read again when its modification time or size changes, so replacing it
 * takes effect at the next request. A CRL file that cannot be read again leaves the previous list in force.
 */
final class RevokedCertificates {

    private static final Logger LOG = LoggerFactory.getLogger(RevokedCertificates.class);

    /** A CRL as read, with the modification time and size of its file at that moment. */
    private record LoadedCrl(X509CRL crl, FileTime modified, long size) {
    }

    private final String pid;
    private final Set<String> fingerprints;
    private final Path crlFile;
    private final List<X509Certificate> authorities;
    private volatile LoadedCrl crl;
    // The file state last read, successfully or not, so a broken file is reported once per change.
    private FileTime seenModified;
    private long seenSize;

    private RevokedCertificates(String pid, Set<String> fingerprints, Path crlFile, List<X509Certificate> authorities) {
        this.pid = pid;
        this.fingerprints = fingerprints;
        this.crlFile = crlFile;
        this.authorities = authorities;
    }

    /**
     * Validates the revocation keys and reads the CRL file, if one is set.
     *
     * @param fingerprintsValue SHA-256 fingerprints separated by commas or white space, or empty
     * @param crlValue the path of a PEM or DER CRL, relative to {@code etc} unless absolute, or empty
     * @throws IllegalArgumentException naming the PID, the key, the value and the fix
     */
    static RevokedCertificates from(String pid, String fingerprintsValue, String crlValue, KeyStore trustStore, Path etc) {
        Set<String> fingerprints = new LinkedHashSet<>();
        String list = fingerprintsValue == null ? "" : fingerprintsValue.strip();
        if (!list.isEmpty()) {
            for (String fingerprint : list.split("[,\\s]+")) {
                fingerprints.add(DistrictCertificates.normalisedFingerprint(pid, "revokedFingerprints", fingerprint));
            }
        }
        String crlPath = crlValue == null ? "" : crlValue.strip();
        if (crlPath.isEmpty()) {
            return new RevokedCertificates(pid, Set.copyOf(fingerprints), null, List.of());
        }
        Path file = TlsStores.resolve(pid, "crl", crlPath, etc);
        RevokedCertificates revoked = new RevokedCertificates(pid, Set.copyOf(fingerprints), file, authorities(pid, trustStore));
        revoked.crl = revoked.read();
        revoked.seenModified = revoked.crl.modified();
        revoked.seenSize = revoked.crl.size();
        return revoked;
    }

    /** Returns why a certificate is revoked, or empty when it is not. */
    Optional<String> reason(X509Certificate certificate, String fingerprint) {
        if (fingerprints.contains(fingerprint)) {
            return Optional.of("its fingerprint is listed in revokedFingerprints of " + pid);
        }
        if (crlFile == null) {
            return Optional.empty();
        }
        X509CRL current = current();
        if (certificate.getIssuerX500Principal().equals(current.getIssuerX500Principal()) && current.isRevoked(certificate)) {
            return Optional.of("serial " + certificate.getSerialNumber().toString(16) + " is listed in the CRL " + crlFile);
        }
        return Optional.empty();
    }

    int fingerprintCount() {
        return fingerprints.size();
    }

    Path crlFile() {
        return crlFile;
    }

    /** Returns the CRL, read again first when its file changed since it was last read. */
    private synchronized X509CRL current() {
        FileTime modified;
        long size;
        try {
            modified = Files.getLastModifiedTime(crlFile);
            size = Files.size(crlFile);
        } catch (IOException e) {
            if (seenModified != null) {
                LOG.warn("{}: CRL {} could not be read ({}); HQ keeps rejecting the certificates of the CRL read before", pid, crlFile,
                        e.toString());
                seenModified = null;
            }
            return crl.crl();
        }
        if (modified.equals(seenModified) && size == seenSize) {
            return crl.crl();
        }
        seenModified = modified;
        seenSize = size;
        try {
            crl = read();
            LOG.info("{}: CRL {} read again, {} certificates revoked", pid, crlFile, revokedCount(crl.crl()));
        } catch (IllegalArgumentException e) {
            LOG.warn("{}: {}; HQ keeps rejecting the certificates of the CRL read before", pid, e.getMessage());
        }
        return crl.crl();
    }

    /** Reads and verifies the CRL file. It reads the file time and size first, so a change during the read is seen later. */
    private LoadedCrl read() {
        String fix = "set the CRL that HQ's CA signed, made with 'keytool -gencrl'";
        try {
            FileTime modified = Files.getLastModifiedTime(crlFile);
            long size = Files.size(crlFile);
            X509CRL crl;
            try (InputStream in = Files.newInputStream(crlFile)) {
                crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
            }
            verify(crl, fix);
            return new LoadedCrl(crl, modified, size);
        } catch (IOException e) {
            throw new IllegalArgumentException(pid + ": crl='" + crlFile + "' could not be read (" + e + "); " + fix, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(pid + ": crl='" + crlFile + "' is not a valid CRL (" + e.getMessage() + "); " + fix, e);
        }
    }

    private void verify(X509CRL crl, String fix) {
        for (X509Certificate authority : authorities) {
            if (authority.getSubjectX500Principal().equals(crl.getIssuerX500Principal())) {
                try {
                    crl.verify(authority.getPublicKey());
                    return;
                } catch (GeneralSecurityException e) {
                    throw new IllegalArgumentException(pid + ": crl='" + crlFile + "' has an invalid signature of " + crl.getIssuerX500Principal()
                            + " (" + e.getMessage() + "); " + fix, e);
                }
            }
        }
        throw new IllegalArgumentException(pid + ": crl='" + crlFile + "' was issued by " + crl.getIssuerX500Principal()
                + ", which is no CA of trustStore; " + fix);
    }

    private static List<X509Certificate> authorities(String pid, KeyStore trustStore) {
        List<X509Certificate> authorities = new ArrayList<>();
        try {
            for (String alias : Collections.list(trustStore.aliases())) {
                if (trustStore.getCertificate(alias) instanceof X509Certificate certificate) {
                    authorities.add(certificate);
                }
            }
        } catch (KeyStoreException e) {
            throw new IllegalArgumentException(pid + ": trustStore could not be listed: " + e.getMessage(), e);
        }
        return List.copyOf(authorities);
    }

    private static int revokedCount(X509CRL crl) {
        return crl.getRevokedCertificates() == null ? 0 : crl.getRevokedCertificates().size();
    }
}
