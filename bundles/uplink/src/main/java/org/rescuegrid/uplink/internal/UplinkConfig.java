package org.rescuegrid.uplink.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "RescueGrid uplink to HQ", description = "Upload of this node's outbox to the HQ receiver.")
public @interface UplinkConfig {

    @AttributeDefinition(description = "Code of this province or district as HQ knows it, for example PB-LHR.")
    String province();

    @AttributeDefinition(description = "How records travel to HQ: http (POST batches to hqUrl) or kafka (produce to kafkaTopic).")
    String transport() default "http";

    @AttributeDefinition(description = "URL of the HQ receiver, http or https. Used by the http transport.")
    String hqUrl() default "http://127.0.0.1:8123/hq/v1/batches";

    @AttributeDefinition(description = "Kafka brokers as host:port, comma-separated. Used by the kafka transport.")
    String kafkaBootstrapServers() default "127.0.0.1:9092";

    @AttributeDefinition(description = "Prefix of the Kafka topics HQ consumes: this node produces to the topic kafkaTopic.province,"
            + " for example rescuegrid.uplink.PB-LHR, which only this district's Kafka user may write. Used by the kafka transport.")
    String kafkaTopic() default "rescuegrid.uplink";

    @AttributeDefinition(description = "Token HQ expects from this province, at least 16 characters. Required by the http transport.", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String token() default "";

    @AttributeDefinition(description = "Maximum records per request, 1-5000.", min = "1", max = "5000")
    int batchSize() default 200;

    @AttributeDefinition(description = "Milliseconds between outbox polls while it is empty, 100-60000.", min = "100", max = "60000")
    long pollIntervalMs() default 1000;

    @AttributeDefinition(description = "Longest wait between retries while HQ fails, in seconds, 1-3600.", min = "1", max = "3600")
    int maxBackoffSeconds() default 60;

    @AttributeDefinition(description = "Connect and response timeout of one request, or the wait for the Kafka brokers'"
            + " acknowledgement, in seconds, 1-300.", min = "1", max = "300")
    int requestTimeoutSeconds() default 10;

    @AttributeDefinition(description = "PKCS12 file with this district's private key and the certificate HQ's CA signed, for"
            + " mutual TLS with an https hqUrl, or for the kafka transport with kafkaSecurityProtocol=SSL; a relative path is resolved"
            + " against the node's etc folder. Empty: no client certificate.")
    String keyStore() default "";

    @AttributeDefinition(description = "Password of keyStore.", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String keyStorePassword() default "";

    @AttributeDefinition(description = "PKCS12 file with the CA certificate that signed HQ's certificate. Required by an https hqUrl;"
            + " a relative path is resolved against the node's etc folder.")
    String trustStore() default "";

    @AttributeDefinition(description = "Password of trustStore.", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String trustStorePassword() default "";

    @AttributeDefinition(description = "Security of the connection to the Kafka brokers: SASL_SSL (TLS and a SASL login, the default),"
            + " SSL (TLS with the client certificate of keyStore, whose CN the brokers map to the district's Kafka user)"
            + " or PLAINTEXT (no encryption and no login, for a closed test network only). Used by the kafka transport.")
    String kafkaSecurityProtocol() default "SASL_SSL";

    @AttributeDefinition(description = "SASL mechanism of the login: SCRAM-SHA-512, SCRAM-SHA-256 or PLAIN. Used by the kafka transport with SASL_SSL.")
    String kafkaSaslMechanism() default "SCRAM-SHA-512";

    @AttributeDefinition(description = "Kafka user of this district, which HQ allows to write only to the district's topic"
            + " (kafkaTopic.province). Used by the kafka transport with SASL_SSL.")
    String kafkaUsername() default "";

    @AttributeDefinition(description = "Password of the Kafka user, at least 16 characters, best as a placeholder of a secret file such as"
            + " $[secret:uplink.kafka.password]. Used by the kafka transport with SASL_SSL.",
            type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String kafkaPassword() default "";

    @AttributeDefinition(description = "Absolute path of a PEM file with the certificates of the CA that signed the Kafka brokers'"
            + " certificates. Used by the kafka transport with SASL_SSL or SSL.")
    String kafkaTruststorePath() default "";
}
