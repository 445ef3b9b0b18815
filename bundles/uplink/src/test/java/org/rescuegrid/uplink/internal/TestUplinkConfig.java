package org.rescuegrid.uplink.internal;

import java.lang.annotation.Annotation;

/** An {@link UplinkConfig} as DS would build it from a .cfg file, with one method per key to change. */
record TestUplinkConfig(String province, String transport, String hqUrl, String kafkaBootstrapServers, String kafkaTopic,
        String token, int batchSize, long pollIntervalMs, int maxBackoffSeconds, int requestTimeoutSeconds) implements UplinkConfig {

    static final String TOKEN = "0123456789abcdef-PB-LHR";

    /** Returns a valid configuration: a province and token, and the annotation's defaults for the rest. */
    static TestUplinkConfig valid() {
        return new TestUplinkConfig("PB-LHR", "http", "http://127.0.0.1:8123/hq/v1/batches", "127.0.0.1:9092", "rescuegrid.uplink",
                TOKEN, 200, 1000, 60, 10);
    }

    /** Returns a valid configuration of the kafka transport to the given brokers, without a token. */
    static TestUplinkConfig kafka(String bootstrapServers) {
        return valid().withTransport("kafka").withKafkaBootstrapServers(bootstrapServers).withToken("");
    }

    TestUplinkConfig withProvince(String value) {
        return new TestUplinkConfig(value, transport, hqUrl, kafkaBootstrapServers, kafkaTopic, token, batchSize, pollIntervalMs,
                maxBackoffSeconds, requestTimeoutSeconds);
    }

    TestUplinkConfig withTransport(String value) {
        return new TestUplinkConfig(province, value, hqUrl, kafkaBootstrapServers, kafkaTopic, token, batchSize, pollIntervalMs,
                maxBackoffSeconds, requestTimeoutSeconds);
    }

    TestUplinkConfig withHqUrl(String value) {
        return new TestUplinkConfig(province, transport, value, kafkaBootstrapServers, kafkaTopic, token, batchSize, pollIntervalMs,
                maxBackoffSeconds, requestTimeoutSeconds);
    }

    TestUplinkConfig withKafkaBootstrapServers(String value) {
        return new TestUplinkConfig(province, transport, hqUrl, value, kafkaTopic, token, batchSize, pollIntervalMs,
                maxBackoffSeconds, requestTimeoutSeconds);
    }

    TestUplinkConfig withKafkaTopic(String value) {
        return new TestUplinkConfig(province, transport, hqUrl, kafkaBootstrapServers, value, token, batchSize, pollIntervalMs,
                maxBackoffSeconds, requestTimeoutSeconds);
    }

    TestUplinkConfig withToken(String value) {
        return new TestUplinkConfig(province, transport, hqUrl, kafkaBootstrapServers, kafkaTopic, value, batchSize, pollIntervalMs,
                maxBackoffSeconds, requestTimeoutSeconds);
    }

    TestUplinkConfig withBatchSize(int value) {
        return new TestUplinkConfig(province, transport, hqUrl, kafkaBootstrapServers, kafkaTopic, token, value, pollIntervalMs,
                maxBackoffSeconds, requestTimeoutSeconds);
    }

    TestUplinkConfig withPollIntervalMs(long value) {
        return new TestUplinkConfig(province, transport, hqUrl, kafkaBootstrapServers, kafkaTopic, token, batchSize, value,
                maxBackoffSeconds, requestTimeoutSeconds);
    }

    TestUplinkConfig withMaxBackoffSeconds(int value) {
        return new TestUplinkConfig(province, transport, hqUrl, kafkaBootstrapServers, kafkaTopic, token, batchSize, pollIntervalMs,
                value, requestTimeoutSeconds);
    }

    TestUplinkConfig withRequestTimeoutSeconds(int value) {
        return new TestUplinkConfig(province, transport, hqUrl, kafkaBootstrapServers, kafkaTopic, token, batchSize, pollIntervalMs,
                maxBackoffSeconds, value);
    }

    // The Kafka security keys are validated by KafkaClientSecurityTest; here the kafka transport runs without them.
    @Override
    public String kafkaSecurityProtocol() {
        return "PLAINTEXT";
    }

    @Override
    public String kafkaSaslMechanism() {
        return "SCRAM-SHA-512";
    }

    @Override
    public String kafkaUsername() {
        return "";
    }

    @Override
    public String kafkaPassword() {
        return "";
    }

    @Override
    public String kafkaTruststorePath() {
        return "";
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return UplinkConfig.class;
    }

    // The TLS keys keep the annotation's empty defaults here; TlsUplinkConfig sets them.
    @Override
    public String keyStore() {
        return "";
    }

    @Override
    public String keyStorePassword() {
        return "";
    }

    @Override
    public String trustStore() {
        return "";
    }

    @Override
    public String trustStorePassword() {
        return "";
    }
}
