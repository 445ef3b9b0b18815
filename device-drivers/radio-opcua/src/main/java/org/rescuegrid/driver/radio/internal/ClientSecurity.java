package org.rescuegrid.driver.radio.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/**
 * The driver's application instance certificate and the trust list for gateway certificates, kept in
 * one folder (Karaf's {@code etc/opcua}). The key pair lives in a PKCS#12 keystore created on first
 * use with a random password stored beside it, readable by its owner only. A gateway certificate that
 * is not in {@code pki/trusted/certs} is rejected and copied to {@code pki/rejected/certs}.
 */
final class ClientSecurity {

    static final String APPLICATION_URI = "urn:rescuegrid:radio-driver";
    private static final String KEYSTORE = "rescuegrid-client.p12";
    private static final String KEYSTORE_PASSWORD = "rescuegrid-client.password";
    private static final String ALIAS = "rescuegrid-client";

    private final Path directory;
    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final FileBasedTrustListManager trustList;
    private final CertificateValidator delegate;
    private X509Certificate lastRejected;

    private ClientSecurity(Path directory, KeyPair keyPair, X509Certificate certificate, FileBasedTrustListManager trustList,
            CertificateValidator delegate) {
        this.directory = directory;
        this.keyPair = keyPair;
        this.certificate = certificate;
        this.trustList = trustList;
        this.delegate = delegate;
    }

    /** Loads the keystore and trust list from a folder, creating both on first use. */
    static ClientSecurity open(Path directory) throws Exception {
        Files.createDirectories(directory);
        Path pki = directory.resolve("pki");
        FileBasedTrustListManager trustList = FileBasedTrustListManager.createAndInitialize(pki);
        FileBasedCertificateQuarantine quarantine = FileBasedCertificateQuarantine.create(rejectedFolder(directory));
        CertificateValidator validator = new DefaultClientCertificateValidator(trustList, quarantine);

        char[] password = keystorePassword(directory.resolve(KEYSTORE_PASSWORD));
        Path keystoreFile = directory.resolve(KEYSTORE);
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        if (Files.exists(keystoreFile)) {
            try (InputStream in = Files.newInputStream(keystoreFile)) {
                keyStore.load(in, password);
            }
        } else {
            keyStore.load(null, password);
            KeyPair generated = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
            X509Certificate selfSigned = new SelfSignedCertificateBuilder(generated)
                    .setCommonName("RescueGrid radio driver")
                    .setOrganization("RescueGrid")
                    .setApplicationUri(APPLICATION_URI)
                    .addDnsName("localhost")
                    .addIpAddress("127.0.0.1")
                    .build();
            keyStore.setKeyEntry(ALIAS, generated.getPrivate(), password, new X509Certificate[] {selfSigned});
            try (OutputStream out = Files.newOutputStream(keystoreFile)) {
                keyStore.store(out, password);
            }
            restrictToOwner(keystoreFile);
        }
        Key key = keyStore.getKey(ALIAS, password);
        X509Certificate certificate = (X509Certificate) keyStore.getCertificate(ALIAS);
        if (!(key instanceof PrivateKey privateKey) || certificate == null) {
            throw new GeneralSecurityException("keystore " + keystoreFile + " has no key entry '" + ALIAS
                    + "'; delete it and its password file to create a new application certificate");
        }
        return new ClientSecurity(directory, new KeyPair(certificate.getPublicKey(), privateKey), certificate, trustList, validator);
    }

    KeyPair keyPair() {
        return keyPair;
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** Returns the validator for the client configuration; it remembers the certificate it rejects last. */
    CertificateValidator validator() {
        return this::validate;
    }

    Path trustedFolder() {
        return directory.resolve("pki").resolve("trusted").resolve("certs");
    }

    /** Returns whether the trust list contains this certificate. */
    boolean isTrusted(X509Certificate candidate) {
        return trustList.getTrustedCertificates().contains(candidate);
    }

    /** Finds the file in the rejected folder that contains a certificate, so the operator can move it. */
    Optional<Path> rejectedFile(X509Certificate rejected) {
        try (Stream<Path> files = Files.list(rejectedFolder(directory))) {
            byte[] encoded = rejected.getEncoded();
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Path file : files.toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    if (MessageDigest.isEqual(encoded, factory.generateCertificate(in).getEncoded())) {
                        return Optional.of(file);
                    }
                } catch (IOException | GeneralSecurityException e) {
                    // Not a certificate file; the folder may hold anything an operator put there.
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    static String thumbprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | java.security.NoSuchAlgorithmException e) {
            return "unknown";
        }
    }

    /** Returns the server certificate the last failed validation rejected, and clears it. */
    synchronized Optional<X509Certificate> takeRejected() {
        X509Certificate rejected = lastRejected;
        lastRejected = null;
        return Optional.ofNullable(rejected);
    }

    private void validate(List<X509Certificate> chain, String applicationUri, String[] hostnames) throws UaException {
        try {
            delegate.validateCertificateChain(chain, applicationUri, hostnames);
        } catch (UaException e) {
            synchronized (this) {
                lastRejected = chain == null || chain.isEmpty() ? null : chain.get(0);
            }
            throw e;
        }
    }

    private static Path rejectedFolder(Path directory) {
        return directory.resolve("pki").resolve("rejected").resolve("certs");
    }

    private static char[] keystorePassword(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).strip().toCharArray();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.writeString(file, password, StandardCharsets.US_ASCII);
        restrictToOwner(file);
        return password.toCharArray();
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system; the folder's own permissions protect the file there.
        }
    }
}
