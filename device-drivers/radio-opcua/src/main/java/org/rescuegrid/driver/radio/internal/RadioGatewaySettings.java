package org.rescuegrid.driver.radio.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;

/**
 * A gateway configuration after validation. Every rejected value is named with the accepted form.
 *
 * @param userCertificate the X.509 user identity, or null unless identity is 'certificate'
 * @param emergencyEventType browse name of the emergency-button event type, or null when not followed
 * @param radioOfflineEventType browse name of the radio-offline event type, or null when not followed
 */
record RadioGatewaySettings(String name, String endpointUrl, SecurityPolicy securityPolicy, MessageSecurityMode securityMode,
        String username, String password, UserCertificate userCertificate, int publishingIntervalMs, List<String> radiosPath,
        StatusTable statusTable, String emergencyEventType, String radioOfflineEventType, int initialReconnectDelaySeconds,
        int maxReconnectDelaySeconds) {

    static final String PID = "org.rescuegrid.driver.radio";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final Pattern BROWSE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    /** Validates a configuration, resolving a relative userKeystore against Karaf's etc folder. */
    static RadioGatewaySettings from(RadioGatewayConfig config) {
        return from(config, Path.of(System.getProperty("karaf.etc", "etc")));
    }

    static RadioGatewaySettings from(RadioGatewayConfig config, Path etcFolder) {
        String name = strip(config.name());
        if (!NAME.matcher(name).matches()) {
            throw invalid("name", name, "1-32 letters, digits, '.', '_' or '-'");
        }
        String url = strip(config.endpointUrl());
        checkUrl(url);

        SecurityPolicy policy = switch (strip(config.securityPolicy())) {
            case "None" -> SecurityPolicy.None;
            case "Basic256Sha256" -> SecurityPolicy.Basic256Sha256;
            case "Aes128_Sha256_RsaOaep" -> SecurityPolicy.Aes128_Sha256_RsaOaep;
            default -> throw invalid("securityPolicy", config.securityPolicy(), "None, Basic256Sha256 or Aes128_Sha256_RsaOaep");
        };
        MessageSecurityMode mode = switch (strip(config.securityMode())) {
            case "None" -> MessageSecurityMode.None;
            case "Sign" -> MessageSecurityMode.Sign;
            case "SignAndEncrypt" -> MessageSecurityMode.SignAndEncrypt;
            default -> throw invalid("securityMode", config.securityMode(), "None, Sign or SignAndEncrypt");
        };
        if ((policy == SecurityPolicy.None) != (mode == MessageSecurityMode.None)) {
            throw invalid("securityMode", config.securityMode(), policy == SecurityPolicy.None
                    ? "None, because securityPolicy is None" : "Sign or SignAndEncrypt, because securityPolicy is " + policy.name());
        }

        String username = null;
        String password = null;
        UserCertificate userCertificate = null;
        switch (strip(config.identity())) {
            case "anonymous" -> { }
            case "certificate" -> userCertificate = userCertificate(config, etcFolder);
            case "username" -> {
                username = strip(config.username());
                password = config.password() == null ? "" : config.password();
                if (username.isEmpty()) {
                    throw invalid("username", username, "the user name, because identity is 'username'");
                }
                if (password.isEmpty()) {
                    throw new IllegalArgumentException(PID + ": password is empty; set it, because identity is 'username'");
                }
            }
            default -> throw invalid("identity", config.identity(), "'anonymous', 'username' or 'certificate'");
        }

        requireRange("publishingIntervalMs", config.publishingIntervalMs(), 100, 60_000);
        requireRange("initialReconnectDelaySeconds", config.initialReconnectDelaySeconds(), 1, 600);
        requireRange("maxReconnectDelaySeconds", config.maxReconnectDelaySeconds(), 1, 600);
        if (config.initialReconnectDelaySeconds() > config.maxReconnectDelaySeconds()) {
            throw invalid("initialReconnectDelaySeconds", String.valueOf(config.initialReconnectDelaySeconds()),
                    "a whole number of seconds no larger than maxReconnectDelaySeconds (" + config.maxReconnectDelaySeconds() + ")");
        }
        String emergencyType = eventTypeName("emergencyEventType", config.emergencyEventType());
        String offlineType = eventTypeName("radioOfflineEventType", config.radioOfflineEventType());
        List<String> path = new ArrayList<>();
        for (String element : strip(config.radiosPath()).split("/")) {
            if (element.isBlank()) {
                throw invalid("radiosPath", config.radiosPath(), "browse names separated by '/', such as Radios or Gateway/Radios");
            }
            path.add(element.strip());
        }
        StatusTable table = StatusTable.parse(PID, config.statusCodes());
        return new RadioGatewaySettings(name, url, policy, mode, username, password, userCertificate, config.publishingIntervalMs(),
                List.copyOf(path), table, emergencyType, offlineType, config.initialReconnectDelaySeconds(),
                config.maxReconnectDelaySeconds());
    }

    /** Returns the wait before connection attempt number {@code failedAttempts + 1}: the initial delay, doubled per failure, capped. */
    long reconnectDelaySeconds(int failedAttempts) {
        long doubled = (long) initialReconnectDelaySeconds << Math.min(Math.max(failedAttempts - 1, 0), 20);
        return Math.min(maxReconnectDelaySeconds, doubled);
    }

    /** Returns the reconnect delays for the console, such as {@code 1-30 s}. */
    String reconnectDelays() {
        return initialReconnectDelaySeconds + "-" + maxReconnectDelaySeconds + " s";
    }

    boolean secured() {
        return securityPolicy != SecurityPolicy.None;
    }

    /** Returns policy and mode for the operator, such as {@code Basic256Sha256/SignAndEncrypt}. */
    String security() {
        return securityPolicy.name() + "/" + securityMode.name();
    }

    /** Returns the identity for the console and logs; never the password. */
    String identityLabel() {
        if (userCertificate != null) {
            return "certificate " + userCertificate.subject();
        }
        return username == null ? "anonymous" : "user " + username;
    }

    @Override
    public String toString() {
        return "RadioGatewaySettings[name=" + name + ", endpointUrl=" + endpointUrl + ", security=" + security()
                + ", identity=" + identityLabel() + "]";
    }

    private static void checkUrl(String url) {
        try {
            URI uri = new URI(url);
            if (!"opc.tcp".equals(uri.getScheme()) || uri.getHost() == null) {
                throw invalid("endpointUrl", url, "opc.tcp://HOST:PORT/PATH");
            }
        } catch (URISyntaxException e) {
            throw invalid("endpointUrl", url, "opc.tcp://HOST:PORT/PATH");
        }
    }

    private static UserCertificate userCertificate(RadioGatewayConfig config, Path etcFolder) {
        String alias = strip(config.userCertificateAlias());
        if (alias.isEmpty()) {
            throw invalid("userCertificateAlias", alias, "the alias of the key entry, because identity is 'certificate'");
        }
        String password = config.userKeystorePassword() == null ? "" : config.userKeystorePassword();
        if (password.isEmpty()) {
            throw new IllegalArgumentException(PID + ": userKeystorePassword is empty; set it, because identity is 'certificate'");
        }
        String file = strip(config.userKeystore());
        Path keystore;
        try {
            keystore = file.isEmpty() ? null : etcFolder.resolve(file);
        } catch (InvalidPathException e) {
            keystore = null;
        }
        if (keystore == null) {
            throw invalid("userKeystore", file, "the path of a PKCS#12 keystore, relative to Karaf's etc folder or absolute");
        }
        try {
            return UserCertificate.load(keystore, password.toCharArray(), alias);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PID + ": userKeystore='" + file + "' with userCertificateAlias='" + alias
                    + "' is invalid: " + e.getMessage() + "; set a PKCS#12 keystore with that key entry and its password", e);
        }
    }

    private static String eventTypeName(String key, String value) {
        String name = strip(value);
        if (name.isEmpty()) {
            return null;
        }
        if (!BROWSE_NAME.matcher(name).matches()) {
            throw invalid(key, value, "a browse name of 1-128 letters, digits, '_', '.' or '-' without namespace index, or empty");
        }
        return name;
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static void requireRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw invalid(key, String.valueOf(value), "a whole number from " + min + " to " + max);
        }
    }

    private static IllegalArgumentException invalid(String key, String value, String expected) {
        return new IllegalArgumentException(PID + ": " + key + "='" + value + "' is invalid; set " + expected);
    }
}
