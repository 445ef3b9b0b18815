package org.rescuegrid.hq.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "RescueGrid HQ Kafka consumer",
        description = "Consumes the districts' uplink topic as one member of HQ's consumer group and stores each record once.")
public @interface HqKafkaConfig {

    @AttributeDefinition(description = "Kafka brokers as host:port, comma-separated.")
    String bootstrapServers() default "127.0.0.1:9092";

    @AttributeDefinition(description = "Topic the districts' uplinks produce to.")
    String topic() default "rescuegrid.uplink";

    @AttributeDefinition(description = "Consumer group shared by all HQ nodes; the partitions are divided among its members.")
    String groupId() default "rescuegrid-hq";

    @AttributeDefinition(description = "Maximum records per poll, stored in one transaction per province, 1-5000.", min = "1", max = "5000")
    int maxPollRecords() default 500;

    @AttributeDefinition(description = "Time after which the group reassigns the partitions of an HQ node that stopped"
            + " without leaving, in milliseconds, 6000-300000.", min = "6000", max = "300000")
    int sessionTimeoutMs() default 45_000;
}
