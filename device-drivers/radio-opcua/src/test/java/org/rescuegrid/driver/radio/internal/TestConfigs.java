package org.rescuegrid.driver.radio.internal;

import java.lang.annotation.Annotation;

/** Gateway configurations for tests, with the defaults of {@link RadioGatewayConfig} unless a test sets a value. */
final class TestConfigs {

    private TestConfigs() {
    }

    static Builder gateway(String name, String endpointUrl) {
        return new Builder(name, endpointUrl);
    }

    static final class Builder {
        private final String name;
        private final String endpointUrl;
        private String policy = "None";
        private String mode = "None";
        private String identity = "anonymous";
        private String username = "";
        private String password = "";
        private int publishingIntervalMs = 200;
        private String radiosPath = "Radios";
        private String[] statusCodes = {"1=available", "2=dispatched", "3=en-route", "4=on-scene", "5=at-hospital", "6=out-of-service"};
        private String userKeystore = "opcua/rescuegrid-users.p12";
        private String userKeystorePassword = "";
        private String userCertificateAlias = "";
        private String emergencyEventType = "EmergencyButtonEventType";
        private String radioOfflineEventType = "RadioOfflineEventType";
        private int initialReconnectDelaySeconds = 1;
        private int maxReconnectDelaySeconds = 1;

        private Builder(String name, String endpointUrl) {
            this.name = name;
            this.endpointUrl = endpointUrl;
        }

        Builder security(String newPolicy, String newMode) {
            policy = newPolicy;
            mode = newMode;
            return this;
        }

        Builder user(String newUsername, String newPassword) {
            identity = "username";
            username = newUsername;
            password = newPassword;
            return this;
        }

        Builder certificate(String keystore, String keystorePassword, String alias) {
            identity = "certificate";
            userKeystore = keystore;
            userKeystorePassword = keystorePassword;
            userCertificateAlias = alias;
            return this;
        }

        Builder eventTypes(String emergency, String offline) {
            emergencyEventType = emergency;
            radioOfflineEventType = offline;
            return this;
        }

        Builder reconnectDelays(int initialSeconds, int maxSeconds) {
            initialReconnectDelaySeconds = initialSeconds;
            maxReconnectDelaySeconds = maxSeconds;
            return this;
        }

        Builder publishingInterval(int milliseconds) {
            publishingIntervalMs = milliseconds;
            return this;
        }

        Builder radiosPath(String path) {
            radiosPath = path;
            return this;
        }

        Builder statusCodes(String... entries) {
            statusCodes = entries;
            return this;
        }

        RadioGatewayConfig build() {
            return new RadioGatewayConfig() {
                @Override
                public Class<? extends Annotation> annotationType() {
                    return RadioGatewayConfig.class;
                }

                @Override
                public String name() {
                    return name;
                }

                @Override
                public String endpointUrl() {
                    return endpointUrl;
                }

                @Override
                public String securityPolicy() {
                    return policy;
                }

                @Override
                public String securityMode() {
                    return mode;
                }

                @Override
                public String identity() {
                    return identity;
                }

                @Override
                public String username() {
                    return username;
                }

                @Override
                public String password() {
                    return password;
                }

                @Override
                public int publishingIntervalMs() {
                    return publishingIntervalMs;
                }

                @Override
                public String radiosPath() {
                    return radiosPath;
                }

                @Override
                public String[] statusCodes() {
                    return statusCodes;
                }

                @Override
                public String userKeystore() {
                    return userKeystore;
                }

                @Override
                public String userKeystorePassword() {
                    return userKeystorePassword;
                }

                @Override
                public String userCertificateAlias() {
                    return userCertificateAlias;
                }

                @Override
                public String emergencyEventType() {
                    return emergencyEventType;
                }

                @Override
                public String radioOfflineEventType() {
                    return radioOfflineEventType;
                }

                @Override
                public int initialReconnectDelaySeconds() {
                    return initialReconnectDelaySeconds;
                }

                @Override
                public int maxReconnectDelaySeconds() {
                    return maxReconnectDelaySeconds;
                }
            };
        }
    }
}
