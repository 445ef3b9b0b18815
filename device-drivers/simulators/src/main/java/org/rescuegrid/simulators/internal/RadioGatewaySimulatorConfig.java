package org.rescuegrid.simulators.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "RescueGrid radio gateway simulator",
        description = "An OPC UA server that models a radio dispatch gateway whose radios change status, signal and battery over time.")
public @interface RadioGatewaySimulatorConfig {

    @AttributeDefinition(description = "Run the simulated gateway. When false the component logs that it is disabled and opens no port.")
    boolean enabled() default true;

    @AttributeDefinition(description = "Address to listen on. Keep 127.0.0.1 unless other machines must reach the simulator.")
    String host() default "127.0.0.1";

    @AttributeDefinition(description = "TCP port of the OPC UA server, 1-65535.", min = "1", max = "65535")
    int port() default 48401;

    @AttributeDefinition(description = "Ids of the simulated radios, 1-64 characters from A-Z, a-z, 0-9, '.', '_', ':' and '-'."
            + " Blank entries are ignored.")
    String[] radios() default {"RADIO-LHR-101", "RADIO-LHR-102", "RADIO-KHI-201", "RADIO-ISB-301"};

    @AttributeDefinition(description = "Seconds between two changes of every radio, 1-3600.", min = "1", max = "3600")
    int stepSeconds() default 10;

    @AttributeDefinition(description = "Seconds between two radio events, 0-86400, where 0 raises none. The radios take turns, and each round"
            + " over the radios alternates between emergency button presses (EmergencyButtonEventType) and radios going offline"
            + " (RadioOfflineEventType).", min = "0", max = "86400")
    int eventSeconds() default 0;

    @AttributeDefinition(description = "User name clients must log in with; empty accepts anonymous clients.", required = false)
    String username() default "";

    @AttributeDefinition(description = "Password of that user.", type = AttributeType.PASSWORD, required = false)
    String password() default "";
}
