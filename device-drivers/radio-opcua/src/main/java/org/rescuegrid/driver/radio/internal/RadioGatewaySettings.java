package org.rescuegrid.driver.radio.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;

/** A gateway configuration after validation; every rejected value is named with the accepted form. */
record RadioGatewaySettings(String name, String endpointUrl, SecurityPolicy securityPolicy, MessageSecurityMode securityMode,
        String username, String password, int publishingIntervalMs, List<String> radiosPath, StatusTable statusTable,
        int maxReconnectDelaySeconds) {

    static final String PID = "org.rescuegrid.driver.radio";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    static RadioGatewaySettings from(RadioGatewayConfig config) {
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
        switch (strip(config.identity())) {
            case "anonymous" -> { }
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
            default -> throw invalid("identity", config.identity(), "'anonymous' or 'username'");
        }

        requireRange("publishingIntervalMs", config.publishingIntervalMs(), 100, 60_000);
        requireRange("maxReconnectDelaySeconds", config.maxReconnectDelaySeconds(), 1, 600);
        List<String> path = new ArrayList<>();
        for (String element : strip(config.radiosPath()).split("/")) {
            if (element.isBlank()) {
                throw invalid("radiosPath", config.radiosPath(), "browse names separated by '/', such as Radios or Gateway/Radios");
            }
            path.add(element.strip());
        }
        StatusTable table = StatusTable.parse(PID, config.statusCodes());
        return new RadioGatewaySettings(name, url, policy, mode, username, password, config.publishingIntervalMs(),
                List.copyOf(path), table, config.maxReconnectDelaySeconds());
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
