package org.rescuegrid.feed.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The security settings of a Kafka client after validation: SASL_SSL with a SCRAM or PLAIN login and a PEM
 * truststore, or PLAINTEXT. The uplink and HQ validate their own keys with it, so each names its PID and keys.
 */
public final class KafkaClientSecurity {

    /** Security protocols a client accepts, named as Kafka's {@code security.protocol} names them. */
    public enum Protocol {
        PLAINTEXT, SASL_SSL
    }

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final int MIN_PASSWORD_LENGTH = 16;

    private final Protocol protocol;
    private final String mechanism;
    private final String username;
    private final String password;
    private final Path truststore;

    private KafkaClientSecurity(Protocol protocol, String mechanism, String username, String password, Path truststore) {
        this.protocol = protocol;
        this.mechanism = mechanism;
        this.username = username;
        this.password = password;
        this.truststore = truststore;
    }

    /**
     * Validates the security keys of one configuration. {@code keys} names the keys in the PID, in the order
     * protocol, mechanism, username, password, truststore, so that an error names the key the operator wrote.
     */
    public static KafkaClientSecurity from(String pid, String[] keys, String protocolValue, String mechanismValue, String usernameValue,
            String passwordValue, String truststoreValue) {
        String protocolName = strip(protocolValue).toUpperCase(Locale.ROOT);
        Protocol protocol;
        try {
            protocol = Protocol.valueOf(protocolName);
        } catch (IllegalArgumentException e) {
            throw invalid(pid, keys[0], protocolValue, "SASL_SSL, or PLAINTEXT on a closed test network only");
        }
        if (protocol == Protocol.PLAINTEXT) {
            return new KafkaClientSecurity(protocol, null, null, null, null);
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
        return new KafkaClientSecurity(protocol, mechanism, username, password, truststore);
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

    public String username() {
        return username;
    }

    /** Returns the Kafka client properties for this security setting, including the password in {@code sasl.jaas.config}. */
    public Map<String, String> clientProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("security.protocol", protocol.name());
        if (protocol == Protocol.PLAINTEXT) {
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
        return protocol == Protocol.PLAINTEXT ? "PLAINTEXT" : "SASL_SSL " + mechanism + " user=" + username + " truststore=" + truststore;
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static IllegalArgumentException invalid(String pid, String key, String value, String expected) {
        return new IllegalArgumentException(pid + ": " + key + "='" + value + "' is invalid; set " + expected);
    }
}
