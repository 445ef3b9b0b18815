package org.rescuegrid.feed.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The security settings of a Kafka client after validation: SASL_SSL with a SCRAM or PLAIN login and a PEM
 * truststore, SSL with a client certificate from a PKCS12 key store and a PEM truststore, or PLAINTEXT. The
 * uplink and HQ validate their own keys with it, so each names its PID and keys.
 */
public final class KafkaClientSecurity {

    /** Security protocols a client accepts, named as Kafka's {@code security.protocol} names them. */
    public enum Protocol {
        PLAINTEXT, SASL_SSL, SSL
    }

    /**
     * A client's PKCS12 key store setting: the PID keys of its path and password, their values, and the node's etc
     * folder, against which a relative path is resolved (or null).
     */
    public record KeyStoreSetting(String key, String value, String passwordKey, String password, Path etc) {
    }

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final int MIN_PASSWORD_LENGTH = 16;

    private final Protocol protocol;
    private final String mechanism;
    private final String username;
    private final String password;
    private final Path truststore;
    private final Path keystore;
    private final String subject;

    private KafkaClientSecurity(Protocol protocol, String mechanism, String username, String password, Path truststore, Path keystore,
            String subject) {
        this.protocol = protocol;
        this.mechanism = mechanism;
        this.username = username;
        this.password = password;
        this.truststore = truststore;
        this.keystore = keystore;
        this.subject = subject;
    }

    /**
     * Validates the security keys of one configuration. {@code keys} names the keys in the PID, in the order
     * protocol, mechanism, username, password, truststore, so that an error names the key the operator wrote.
     */
    public static KafkaClientSecurity from(String pid, String[] keys, String protocolValue, String mechanismValue, String usernameValue,
            String passwordValue, String truststoreValue) {
        return from(pid, keys, protocolValue, mechanismValue, usernameValue, passwordValue, truststoreValue, null);
    }

    /**
     * Validates the security keys of a configuration that may also choose SSL with a client certificate from
     * {@code keyStore}. Without a key store setting (null), SSL is rejected like an unknown protocol.
     */
    public static KafkaClientSecurity from(String pid, String[] keys, String protocolValue, String mechanismValue, String usernameValue,
            String passwordValue, String truststoreValue, KeyStoreSetting keyStore) {
        String protocolName = strip(protocolValue).toUpperCase(Locale.ROOT);
        String accepted = keyStore == null ? "SASL_SSL, or PLAINTEXT on a closed test network only"
                : "SASL_SSL, SSL (client certificate from " + keyStore.key() + "), or PLAINTEXT on a closed test network only";
        Protocol protocol;
        try {
            protocol = Protocol.valueOf(protocolName);
        } catch (IllegalArgumentException e) {
            throw invalid(pid, keys[0], protocolValue, accepted);
        }
        if (protocol == Protocol.SSL && keyStore == null) {
            throw invalid(pid, keys[0], protocolValue, accepted);
        }
        if (protocol == Protocol.PLAINTEXT) {
            return new KafkaClientSecurity(protocol, null, null, null, null, null, null);
        }
        if (protocol == Protocol.SSL) {
            return certificate(pid, keys[4], truststoreValue, keyStore);
        }

        String mechanism = strip(mechanismValue).toUpperCase(Locale.ROOT);
        if (!mechanism.equals("SCRAM-SHA-512") && !mechanism.equals("SCRAM-SHA-256") && !mechanism.equals("PLAIN")) {
            throw invalid(pid, keys[1], mechanismValue, "SCRAM-SHA-512, SCRAM-SHA-256 or PLAIN, as the brokers' listener enables");
        }

        String username = strip(usernameValue);
        if (!USERNAME.matcher(username).matches()) {
            throw invalid(pid, keys[2], username, "the Kafka user of this node: 1-64 letters, digits, '.', '_', '@' or '-'");
        }

        String password = passwordValue == null ? "" : passwordValue.strip();
        // Messages name the length of the password and the kind of problem, never the password.
        if (password.startsWith("$[")) {
            throw new IllegalArgumentException(pid + ": " + keys[3] + " '" + password + "' is an unresolved placeholder;"
                    + " create the secret file it names in the node's etc folder");
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException(pid + ": " + keys[3] + " is " + password.length() + " characters long; set the password"
                    + " of Kafka user " + username + ", at least " + MIN_PASSWORD_LENGTH + " characters, through a $[secret:...] file");
        }
        // Kafka parses sasl.jaas.config with quoted values, and these characters would end or escape the quotes.
        if (password.chars().anyMatch(c -> c == '"' || c == '\\' || c == ';' || Character.isISOControl(c))) {
            throw new IllegalArgumentException(pid + ": " + keys[3] + " contains a double quote, backslash, semicolon or control"
                    + " character; choose a password without them");
        }

        Path truststore = truststore(pid, keys[4], truststoreValue);
        return new KafkaClientSecurity(protocol, mechanism, username, password, truststore, null, null);
    }

    /**
     * Opens the key store of an SSL client and reads the subject of its certificate. The brokers map the subject to
     * the Kafka user with {@code ssl.principal.mapping.rules}, so the user here is the subject's CN, for log lines.
     */
    private static KafkaClientSecurity certificate(String pid, String truststoreKey, String truststoreValue, KeyStoreSetting setting) {
        Path truststore = truststore(pid, truststoreKey, truststoreValue);
        Path file = TlsStores.resolve(pid, setting.key(), setting.value(), setting.etc()).toAbsolutePath();
        KeyStore store = TlsStores.load(pid, setting.key(), file, setting.passwordKey(), setting.password(), true);
        X509Certificate certificate = null;
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate x509) {
                    certificate = x509;
                    break;
                }
            }
        } catch (KeyStoreException e) {
            throw new IllegalArgumentException(pid + ": " + setting.key() + "='" + file + "' could not be listed: " + e.getMessage(), e);
        }
        if (certificate == null) {
            throw new IllegalArgumentException(pid + ": " + setting.key() + "='" + file + "' contains no X.509 certificate with its"
                    + " private key; " + TlsStores.README_HINT);
        }
        String subject = certificate.getSubjectX500Principal().getName();
        String cn = subject.startsWith("CN=") ? subject.substring(3).split(",", 2)[0] : subject;
        return new KafkaClientSecurity(Protocol.SSL, null, cn, setting.password(), truststore, file, subject);
    }

    private static Path truststore(String pid, String key, String value) {
        String expected = "the absolute path of a PEM file with the certificates of the CA that signed the brokers' certificates";
        String path = strip(value);
        if (path.isEmpty() || !Path.of(path).isAbsolute()) {
            throw invalid(pid, key, path, expected);
        }
        Path file = Path.of(path);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw invalid(pid, key, path, expected + " (the file does not exist or is not readable)");
        }
        try {
            if (!Files.readString(file, StandardCharsets.US_ASCII).contains("-----BEGIN CERTIFICATE-----")) {
                throw invalid(pid, key, path, expected + " (the file contains no PEM certificate)");
            }
        } catch (IOException e) {
            throw invalid(pid, key, path, expected + " (reading it failed: " + e.getMessage() + ")");
        }
        return file;
    }

    public Protocol protocol() {
        return protocol;
    }

    /** Returns the Kafka user: the SASL login name, or the CN of the client certificate for SSL, or null for PLAINTEXT. */
    public String username() {
        return username;
    }

    /**
     * Returns the Kafka client properties for this security setting, including the password in {@code sasl.jaas.config}
     * or, for SSL, the key store password.
     */
    public Map<String, String> clientProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("security.protocol", protocol.name());
        if (protocol == Protocol.PLAINTEXT) {
            return properties;
        }
        if (protocol == Protocol.SSL) {
            // keytool gives a PKCS12 key the password of its store, so the key password is the store password.
            properties.put("ssl.keystore.type", "PKCS12");
            properties.put("ssl.keystore.location", keystore.toString());
            properties.put("ssl.keystore.password", password);
            properties.put("ssl.key.password", password);
            properties.put("ssl.truststore.type", "PEM");
            properties.put("ssl.truststore.location", truststore.toString());
            return properties;
        }
        String loginModule = mechanism.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        properties.put("sasl.mechanism", mechanism);
        properties.put("sasl.jaas.config", loginModule + " required username=\"" + username + "\" password=\"" + password + "\";");
        properties.put("ssl.truststore.type", "PEM");
        properties.put("ssl.truststore.location", truststore.toString());
        return properties;
    }

    /** Returns the setting for log lines, without the password. */
    @Override
    public String toString() {
        return switch (protocol) {
            case PLAINTEXT -> "PLAINTEXT";
            case SSL -> "SSL certificate=" + subject + " keystore=" + keystore + " truststore=" + truststore;
            case SASL_SSL -> "SASL_SSL " + mechanism + " user=" + username + " truststore=" + truststore;
        };
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static IllegalArgumentException invalid(String pid, String key, String value, String expected) {
        return new IllegalArgumentException(pid + ": " + key + "='" + value + "' is invalid; set " + expected);
    }
}
