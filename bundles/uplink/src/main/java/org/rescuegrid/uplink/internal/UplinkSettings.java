package org.rescuegrid.uplink.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rescuegrid.feed.support.KafkaClientSecurity;

/**
 * The uplink configuration after validation: every rejected value is named in the exception with its fix.
 * The keys of the transport not chosen are not validated, so a node need not configure both.
 */
record UplinkSettings(String province, Transport transport, URI hqUrl, String token, String kafkaBootstrapServers, String kafkaTopic,
        int batchSize, long pollIntervalMs, Duration maxBackoff, Duration requestTimeout) {

    /** Transport of the records to HQ. */
    enum Transport {
        HTTP, KAFKA;

        String configName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Pattern PROVINCE = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    // Kafka's legal topic characters; 249 is Kafka's maximum topic name length.
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");
    private static final Pattern HOST_PORT = Pattern.compile("([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\]):([0-9]{1,5})");
    private static final String PID = "org.rescuegrid.uplink";

    static UplinkSettings from(UplinkConfig config) {
        String province = config.province() == null ? "" : config.province().strip();
        if (!PROVINCE.matcher(province).matches()) {
            throw invalid("province", province, "1-32 letters, digits, '.', '_' or '-', for example PB-LHR");
        }

        String transportName = config.transport() == null ? "" : config.transport().strip().toLowerCase(Locale.ROOT);
        Transport transport = switch (transportName) {
            case "http" -> Transport.HTTP;
            case "kafka" -> Transport.KAFKA;
            default -> throw invalid("transport", config.transport(), "http or kafka");
        };

        requireRange("batchSize", config.batchSize(), 1, 5000);
        requireRange("pollIntervalMs", config.pollIntervalMs(), 100, 60_000);
        requireRange("maxBackoffSeconds", config.maxBackoffSeconds(), 1, 3600);
        requireRange("requestTimeoutSeconds", config.requestTimeoutSeconds(), 1, 300);
        Duration maxBackoff = Duration.ofSeconds(config.maxBackoffSeconds());
        Duration requestTimeout = Duration.ofSeconds(config.requestTimeoutSeconds());

        if (transport == Transport.KAFKA) {
            return new UplinkSettings(province, transport, null, null, bootstrapServers(config.kafkaBootstrapServers()),
                    topic(config.kafkaTopic()), config.batchSize(), config.pollIntervalMs(), maxBackoff, requestTimeout);
        }

        URI url;
        try {
            url = new URI(config.hqUrl().strip());
        } catch (URISyntaxException e) {
            throw invalid("hqUrl", config.hqUrl(), "an http or https URL such as http://127.0.0.1:8123/hq/v1/batches");
        }
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
            throw invalid("hqUrl", config.hqUrl(), "an http or https URL such as http://127.0.0.1:8123/hq/v1/batches");
        }

        String token = config.token() == null ? "" : config.token().strip();
        if (token.startsWith("$[")) {
            throw new IllegalArgumentException(PID + ": token '" + token + "' is an unresolved placeholder;"
                    + " create the secret file it names in the node's etc folder");
        }
        // A district with a client certificate for an https HQ authenticates by its certificate and needs no token.
        if (token.length() < 16 && !(token.isEmpty() && UplinkTls.presentsCertificate(config))) {
            throw new IllegalArgumentException(PID + ": token is " + token.length()
                    + " characters long; set the province's token issued by HQ, at least 16 characters,"
                    + " or a keyStore with the district's client certificate and an https hqUrl");
        }

        return new UplinkSettings(province, transport, url, token, null, null, config.batchSize(), config.pollIntervalMs(),
                maxBackoff, requestTimeout);
    }

    /** Returns where records go, for log lines: the HQ URL or the Kafka topic and brokers. */
    String destination() {
        return transport == Transport.HTTP ? hqUrl.toString() : "kafka topic " + kafkaProvinceTopic() + " at " + kafkaBootstrapServers;
    }

    /**
     * Returns the topic this district produces to: the configured prefix, a dot and the province code. HQ's
     * ACLs let only the district's Kafka user write it, so HQ takes the topic as proof of the district.
     */
    String kafkaProvinceTopic() {
        return kafkaTopic + "." + province;
    }

    /**
     * Validates the Kafka security keys of the configuration; call it only for the kafka transport. With
     * kafkaSecurityProtocol=SSL the district presents the client certificate of {@code keyStore}.
     *
     * @param etc the node's etc folder, against which a relative keyStore path is resolved, or null
     */
    static KafkaClientSecurity kafkaSecurity(UplinkConfig config, Path etc) {
        return KafkaClientSecurity.from(PID, new String[] {"kafkaSecurityProtocol", "kafkaSaslMechanism", "kafkaUsername", "kafkaPassword",
            "kafkaTruststorePath"}, config.kafkaSecurityProtocol(), config.kafkaSaslMechanism(), config.kafkaUsername(),
                config.kafkaPassword(), config.kafkaTruststorePath(),
                new KafkaClientSecurity.KeyStoreSetting("keyStore", config.keyStore(), "keyStorePassword", config.keyStorePassword(), etc));
    }

    private static String bootstrapServers(String value) {
        String expected = "host:port pairs separated by commas, for example 127.0.0.1:9092,127.0.0.1:9093";
        String servers = value == null ? "" : value.strip();
        if (servers.isEmpty()) {
            throw invalid("kafkaBootstrapServers", servers, expected);
        }
        List<String> normalised = new ArrayList<>();
        for (String server : servers.split(",", -1)) {
            Matcher matcher = HOST_PORT.matcher(server.strip());
            if (!matcher.matches()) {
                throw invalid("kafkaBootstrapServers", value, expected + " ('" + server.strip() + "' is not host:port)");
            }
            int port = Integer.parseInt(matcher.group(2));
            if (port < 1 || port > 65_535) {
                throw invalid("kafkaBootstrapServers", value, expected + " (port " + port + " is outside 1-65535)");
            }
            normalised.add(server.strip());
        }
        return String.join(",", normalised);
    }

    private static String topic(String value) {
        String topic = value == null ? "" : value.strip();
        // The district's topic appends '.' and a province code of up to 32 characters, within Kafka's 249.
        if (!TOPIC.matcher(topic).matches() || ".".equals(topic) || "..".equals(topic) || topic.length() > 249 - 33) {
            throw invalid("kafkaTopic", topic, "a topic prefix of 1-216 letters, digits, '.', '_' or '-', for example rescuegrid.uplink");
        }
        return topic;
    }

    private static void requireRange(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw invalid(key, String.valueOf(value), "a whole number from " + min + " to " + max);
        }
    }

    private static IllegalArgumentException invalid(String key, String value, String expected) {
        return new IllegalArgumentException(PID + ": " + key + "='" + value + "' is invalid; set " + expected);
    }
}
