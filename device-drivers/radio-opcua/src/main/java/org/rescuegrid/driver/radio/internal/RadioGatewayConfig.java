package org.rescuegrid.driver.radio.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "RescueGrid radio gateway (OPC UA)",
        description = "An OPC UA server of a radio dispatch gateway, vehicle modem or repeater site whose radios the node follows.")
public @interface RadioGatewayConfig {

    @AttributeDefinition(description = "Short name of the gateway in logs and the console: 1-32 letters, digits, '.', '_' or '-'.")
    String name();

    @AttributeDefinition(description = "Endpoint URL of the gateway's OPC UA server, such as opc.tcp://10.1.2.3:4840/gateway."
            + " The driver asks this URL for its endpoints and connects to the one with the configured security.")
    String endpointUrl();

    @AttributeDefinition(description = "Security policy of the endpoint to use.",
            options = {@Option(value = "None", label = "None"),
                    @Option(value = "Basic256Sha256", label = "Basic256Sha256"),
                    @Option(value = "Aes128_Sha256_RsaOaep", label = "Aes128_Sha256_RsaOaep")})
    String securityPolicy() default "None";

    @AttributeDefinition(description = "Message security mode: None with policy None, Sign or SignAndEncrypt with the others.",
            options = {@Option(value = "None", label = "None"),
                    @Option(value = "Sign", label = "Sign"),
                    @Option(value = "SignAndEncrypt", label = "Sign and encrypt")})
    String securityMode() default "None";

    @AttributeDefinition(description = "User identity: 'anonymous', 'username' (then username and password are required) or"
            + " 'certificate' (then userCertificateAlias and userKeystorePassword are required).",
            options = {@Option(value = "anonymous", label = "Anonymous"), @Option(value = "username", label = "User name and password"),
                    @Option(value = "certificate", label = "User certificate (X.509)")})
    String identity() default "anonymous";

    @AttributeDefinition(description = "User name when identity is 'username'.", required = false)
    String username() default "";

    @AttributeDefinition(description = "Password when identity is 'username'. Use $[secret:FILE] to keep it out of the .cfg file.",
            type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(description = "PKCS#12 keystore with the user certificate and its private key when identity is"
            + " 'certificate', relative to Karaf's etc folder or absolute.", required = false)
    String userKeystore() default "opcua/rescuegrid-users.p12";

    @AttributeDefinition(description = "Password of the user keystore and of its key entry when identity is 'certificate'."
            + " Use $[secret:FILE] to keep it out of the .cfg file.",
            type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD, required = false)
    String userKeystorePassword() default "";

    @AttributeDefinition(description = "Alias of the key entry (certificate and private key) in the user keystore when identity is"
            + " 'certificate'.", required = false)
    String userCertificateAlias() default "";

    @AttributeDefinition(description = "Publishing interval of the subscription in milliseconds, 100-60000.", min = "100", max = "60000")
    int publishingIntervalMs() default 1000;

    @AttributeDefinition(description = "Browse path from the Objects folder to the folder that contains one object per radio,"
            + " as browse names separated by '/', such as Radios or Gateway/Radios. Namespace indexes are not part of the path.")
    String radiosPath() default "Radios";

    @AttributeDefinition(description = "Gateway status codes and the unit status each means, one CODE=STATUS entry each."
            + " STATUS is one of available, dispatched, en-route, on-scene, at-hospital, out-of-service.")
    String[] statusCodes() default {"1=available", "2=dispatched", "3=en-route", "4=on-scene", "5=at-hospital", "6=out-of-service"};

    @AttributeDefinition(description = "Browse name of the gateway's event type for an emergency button press, searched below"
            + " BaseEventType; empty does not follow these events.", required = false)
    String emergencyEventType() default "EmergencyButtonEventType";

    @AttributeDefinition(description = "Browse name of the gateway's event type for a radio it no longer hears, searched below"
            + " BaseEventType; empty does not follow these events.", required = false)
    String radioOfflineEventType() default "RadioOfflineEventType";

    @AttributeDefinition(description = "First wait after a failed connection attempt in seconds, 1-600 and at most"
            + " maxReconnectDelaySeconds. The wait doubles after each further failed attempt.", min = "1", max = "600")
    int initialReconnectDelaySeconds() default 1;

    @AttributeDefinition(description = "Longest wait between two connection attempts in seconds, 1-600.", min = "1", max = "600")
    int maxReconnectDelaySeconds() default 30;
}
