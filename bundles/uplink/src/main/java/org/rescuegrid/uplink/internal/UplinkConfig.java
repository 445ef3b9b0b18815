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

    @AttributeDefinition(description = "Kafka topic HQ consumes; records are keyed by province so each province stays in order. Used by the kafka transport.")
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
            + " mutual TLS with an https hqUrl; a relative path is resolved against the node's etc folder. Empty: no client certificate.")
    String keyStore() default "";

    @AttributeDefinition(description = "Password of keyStore.", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String keyStorePassword() default "";

    @AttributeDefinition(description = "PKCS12 file with the CA certificate that signed HQ's certificate. Required by an https hqUrl;"
            + " a relative path is resolved against the node's etc folder.")
    String trustStore() default "";

    @AttributeDefinition(description = "Password of trustStore.", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String trustStorePassword() default "";
}
