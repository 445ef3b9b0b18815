package org.rescuegrid.simulators.internal.camera;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "RescueGrid ONVIF camera simulator",
        description = "One simulated ONVIF camera per factory configuration: device, media, PTZ and pull-point event"
                + " services over HTTP/SOAP, JPEG snapshots and motion events on a schedule.")
public @interface CameraSimulatorConfig {

    @AttributeDefinition(description = "Camera name, reported as its model and serial number; 1 to 64 characters"
            + " from A-Z, a-z, 0-9, '.', '_', ':' and '-'.")
    String name() default "CAM-SIM-01";

    @AttributeDefinition(description = "Address to listen on. Only loopback addresses are accepted.")
    String host() default "127.0.0.1";

    @AttributeDefinition(description = "TCP port of the camera's web server, 1-65535.", min = "1", max = "65535")
    int port() default 8131;

    @AttributeDefinition(description = "User name the camera accepts in WS-Security UsernameTokens and HTTP"
            + " authentication of snapshots.")
    String username() default "admin";

    @AttributeDefinition(description = "Password the camera accepts. Must not be empty.", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String password();

    @AttributeDefinition(description = "Seconds the camera's clock is ahead of the host's (negative: behind),"
            + " at most 10 years either way. Tokens are accepted within 5 minutes of the camera's clock.")
    long clockSkewSeconds() default 0;

    @AttributeDefinition(description = "Seconds between motion events, alternately motion started and motion ended;"
            + " 0 for none. At most 86400.", min = "0", max = "86400")
    int motionIntervalSeconds() default 20;

    @AttributeDefinition(description = "normal: respond to every request. fault: return a SOAP fault to every request"
            + " except GetSystemDateAndTime. silent: accept connections and never respond.")
    String behaviour() default "normal";

    @AttributeDefinition(description = "UDP port on the camera's host where it replies to WS-Discovery probes, 1-65535;"
            + " 0 for none. The camera joins no multicast group, so probes must be directed at this port.",
            min = "0", max = "65535")
    int discoveryPort() default 0;

    @AttributeDefinition(description = "Where the camera sends WS-Discovery Hello when it starts and Bye when it stops,"
            + " as HOST:PORT with a loopback host such as 127.0.0.1:3702; empty for no announcements.")
    String announceTo() default "";
}
