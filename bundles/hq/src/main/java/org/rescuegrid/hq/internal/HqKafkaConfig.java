package org.rescuegrid.hq.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "RescueGrid HQ Kafka consumer",
        description = "Consumes the districts' uplink topic as one member of HQ's consumer group and stores each record once.")
public @interface HqKafkaConfig {

    @AttributeDefinition(description = "Kafka brokers as host:port, comma-separated.")
    String bootstrapServers() default "127.0.0.1:9092";

    @AttributeDefinition(description = "Prefix of the districts' topics: HQ consumes every topic named topic.province, for example"
            + " rescuegrid.uplink.PB-LHR, and takes the province from the topic name.")
    String topic() default "rescuegrid.uplink";

    @AttributeDefinition(description = "Consumer group shared by all HQ nodes; the partitions are divided among its members.")
    String groupId() default "rescuegrid-hq";

    @AttributeDefinition(description = "Maximum records per poll, stored in one transaction per province, 1-5000.", min = "1", max = "5000")
    int maxPollRecords() default 500;

    @AttributeDefinition(description = "Time after which the group reassigns the partitions of an HQ node that stopped"
            + " without leaving, in milliseconds, 6000-300000.", min = "6000", max = "300000")
    int sessionTimeoutMs() default 45_000;

    @AttributeDefinition(description = "Security of the connection to the Kafka brokers: SASL_SSL (TLS and a SASL login, the default),"
            + " SSL (TLS with the client certificate of keyStore, whose CN the brokers map to HQ's Kafka user)"
            + " or PLAINTEXT (no encryption and no login, for a closed test network only).")
    String securityProtocol() default "SASL_SSL";

    @AttributeDefinition(description = "SASL mechanism of the login: SCRAM-SHA-512, SCRAM-SHA-256 or PLAIN. Used with SASL_SSL.")
    String saslMechanism() default "SCRAM-SHA-512";

    @AttributeDefinition(description = "Kafka user of HQ, which may read the districts' topics and the consumer group. Used with SASL_SSL.")
    String username() default "";

    @AttributeDefinition(description = "Password of the Kafka user, at least 16 characters, best as a placeholder of a secret file such as"
            + " $[secret:hq.kafka.password]. Used with SASL_SSL.", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(description = "Absolute path of a PEM file with the certificates of the CA that signed the Kafka brokers'"
            + " certificates. Used with SASL_SSL or SSL.")
    String truststorePath() default "";

    @AttributeDefinition(description = "PKCS12 file with HQ's private key and client certificate for the brokers; a relative path is"
            + " resolved against the node's etc folder. Used with SSL.")
    String keyStore() default "";

    @AttributeDefinition(description = "Password of keyStore. Used with SSL.", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String keyStorePassword() default "";
}
