package org.rescuegrid.driver.onvif.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "RescueGrid ONVIF camera discovery",
        description = "WS-Discovery for the ONVIF camera driver: where it listens for Hello and Bye announcements.")
public @interface CameraDiscoveryConfig {

    @AttributeDefinition(description = "Where to receive WS-Discovery Hello and Bye announcements, as HOST:PORT. The"
            + " multicast group 239.255.255.250:3702 receives every camera on the link; a unicast address such as"
            + " 127.0.0.1:37020 receives only what is sent to it. Empty to receive none.")
    String announcementAddress() default "239.255.255.250:3702";

    @AttributeDefinition(description = "Network interface to join the multicast group on, such as eth0; empty for the"
            + " system default. Ignored for a unicast announcementAddress.")
    String networkInterface() default "";
}
