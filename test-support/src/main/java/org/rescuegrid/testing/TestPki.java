package org.rescuegrid.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away certificate authority for tests, made with the JDK's keytool by the commands the README gives
 * to operators. It creates an EC CA, a PKCS12 trust store with its certificate, and one PKCS12 key store per
 * holder with a key pair signed by the CA. Every store uses the password given at creation.
 */
public final class TestPki {

    public static final String CA_ALIAS = "hq-ca";

    private final Path directory;
    private final String password;

    private TestPki(Path directory, String password) {
        this.directory = directory;
        this.password = password;
    }

    /** Creates the CA key store {@code ca.p12}, its certificate {@code ca.crt} and the trust store {@code truststore.p12}. */
    public static TestPki create(Path directory, String password) {
        TestPki pki = new TestPki(directory, password);
        pki.keytool("-genkeypair", "-alias", CA_ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=RescueGrid test CA",
                "-ext", "bc:c", "-validity", "30", "-keystore", "ca.p12", "-storetype", "PKCS12", "-storepass", password);
        pki.keytool("-exportcert", "-alias", CA_ALIAS, "-keystore", "ca.p12", "-storepass", password, "-rfc", "-file", "ca.crt");
        pki.keytool("-importcert", "-noprompt", "-alias", CA_ALIAS, "-file", "ca.crt", "-keystore", "truststore.p12", "-storetype", "PKCS12",
                "-storepass", password);
        return pki;
    }

    public Path trustStore() {
        return directory.resolve("truststore.p12");
    }

    public String password() {
        return password;
    }

    /**
     * Creates {@code NAME.p12} with a key pair for subject {@code CN=cn} signed by the CA and the chain to it. A server
     * certificate names localhost and 127.0.0.1, so clients that verify host names accept it there.
     */
    public Path issue(String name, String cn, boolean server) {
        Path store = directory.resolve(name + ".p12");
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + cn, "-validity", "30",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", password);
        keytool("-certreq", "-alias", name, "-keystore", store.toString(), "-storepass", password, "-file", name + ".csr");
        List<String> sign = new ArrayList<>(List.of("-gencert", "-alias", CA_ALIAS, "-keystore", "ca.p12", "-storepass", password,
                "-infile", name + ".csr", "-outfile", name + ".crt", "-rfc", "-validity", "30"));
        if (server) {
            sign.addAll(List.of("-ext", "SAN=dns:localhost,ip:127.0.0.1", "-ext", "EKU=serverAuth"));
        } else {
            sign.addAll(List.of("-ext", "EKU=clientAuth"));
        }
        keytool(sign.toArray(String[]::new));
        keytool("-importcert", "-noprompt", "-alias", CA_ALIAS, "-file", "ca.crt", "-keystore", store.toString(), "-storepass", password);
        keytool("-importcert", "-alias", name, "-file", name + ".crt", "-keystore", store.toString(), "-storepass", password);
        return store;
    }

    /** Creates {@code NAME.p12} with a self-signed key pair that the CA never signed. */
    public Path selfSigned(String name, String cn) {
        Path store = directory.resolve(name + ".p12");
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + cn, "-validity", "30",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", password);
        return store;
    }

    /**
     * Creates {@code FILE}, a PEM CRL signed by the CA that lists the certificates of the given holders, which
     * {@link #issue} created. With no holder the CRL lists none.
     */
    public Path crl(String file, String... holders) {
        List<String> arguments = new ArrayList<>(List.of("-gencrl", "-alias", CA_ALIAS, "-keystore", "ca.p12", "-storepass", password,
                "-rfc", "-file", file));
        for (String holder : holders) {
            arguments.add("-id");
            arguments.add(serial(holder).toString());
        }
        keytool(arguments.toArray(String[]::new));
        return directory.resolve(file);
    }

    /** Returns the serial number of a certificate {@link #issue} created. */
    public BigInteger serial(String holder) {
        try (InputStream in = Files.newInputStream(directory.resolve(holder + ".crt"))) {
            return ((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in)).getSerialNumber();
        } catch (IOException e) {
            throw new UncheckedIOException("certificate of " + holder + " could not be read", e);
        } catch (CertificateException e) {
            throw new IllegalStateException("certificate of " + holder + " is invalid: " + e.getMessage(), e);
        }
    }

    private void keytool(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        try {
            Path output = Files.createTempFile(directory, "keytool", ".log");
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool " + arguments[0] + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", arguments).replace(password, "***") + " failed with exit code "
                        + process.exitValue() + ": " + Files.readString(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("keytool could not be run from " + System.getProperty("java.home"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while keytool ran", e);
        }
    }
}
