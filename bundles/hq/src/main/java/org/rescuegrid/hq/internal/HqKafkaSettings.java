package org.rescuegrid.hq.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rescuegrid.feed.support.KafkaClientSecurity;

/** The HQ Kafka consumer's configuration after validation: every rejected value is named with its fix. */
record HqKafkaSettings(String bootstrapServers, String topic, String groupId, int maxPollRecords, int sessionTimeoutMs) {

    static final String PID = "org.rescuegrid.hq.kafka";

    // Kafka's legal topic and group characters; 249 is Kafka's maximum topic name length.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,249}");
    private static final Pattern HOST_PORT = Pattern.compile("([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\]):([0-9]{1,5})");

    static HqKafkaSettings from(HqKafkaConfig config) {
        String servers = bootstrapServers(config.bootstrapServers());
        String topic = name("topic", config.topic(), "rescuegrid.uplink");
        String groupId = name("groupId", config.groupId(), "rescuegrid-hq");
        requireRange("maxPollRecords", config.maxPollRecords(), 1, 5000);
        requireRange("sessionTimeoutMs", config.sessionTimeoutMs(), 6000, 300_000);
        return new HqKafkaSettings(servers, topic, groupId, config.maxPollRecords(), config.sessionTimeoutMs());
    }

    /** Validates the Kafka security keys of the configuration. */
    static KafkaClientSecurity security(HqKafkaConfig config) {
        String etc = System.getProperty("karaf.etc");
        return KafkaClientSecurity.from(PID, new String[] {"securityProtocol", "saslMechanism", "username", "password", "truststorePath"},
                config.securityProtocol(), config.saslMechanism(), config.username(), config.password(), config.truststorePath(),
                new KafkaClientSecurity.KeyStoreSetting("keyStore", config.keyStore(), "keyStorePassword", config.keyStorePassword(),
                        etc == null ? null : Path.of(etc)));
    }

    /**
     * Returns the pattern of the districts' topics: the prefix, a dot and a province code as the uplink
     * accepts it (1-32 letters, digits, '.', '_' or '-').
     */
    Pattern provinceTopics() {
        return Pattern.compile(Pattern.quote(topic + ".") + "[A-Za-z0-9._-]{1,32}");
    }

    /** Returns the province a topic of {@link #provinceTopics()} belongs to. */
    String provinceOf(String provinceTopic) {
        return provinceTopic.substring(topic.length() + 1);
    }

    private static String bootstrapServers(String value) {
        String expected = "host:port pairs separated by commas, for example 127.0.0.1:9092,127.0.0.1:9093";
        String servers = value == null ? "" : value.strip();
        if (servers.isEmpty()) {
            throw invalid("bootstrapServers", servers, expected);
        }
        List<String> result = new ArrayList<>();
        for (String server : servers.split(",", -1)) {
            Matcher matcher = HOST_PORT.matcher(server.strip());
            if (!matcher.matches()) {
                throw invalid("bootstrapServers", value, expected + " ('" + server.strip() + "' is not host:port)");
            }
            int port = Integer.parseInt(matcher.group(2));
            if (port < 1 || port > 65_535) {
                throw invalid("bootstrapServers", value, expected + " (port " + port + " is outside 1-65535)");
            }
            result.add(server.strip());
        }
        return String.join(",", result);
    }

    private static String name(String key, String value, String example) {
        String name = value == null ? "" : value.strip();
        if (!NAME.matcher(name).matches() || ".".equals(name) || "..".equals(name)) {
            throw invalid(key, name, "1-249 letters, digits, '.', '_' or '-', for example " + example);
        }
        return name;
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
