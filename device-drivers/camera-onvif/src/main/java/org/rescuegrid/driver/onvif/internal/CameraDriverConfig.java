package org.rescuegrid.driver.onvif.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "RescueGrid ONVIF camera",
        description = "One ONVIF IP camera per factory configuration: its device service address, credentials,"
                + " media profile and the event topics to follow.")
public @interface CameraDriverConfig {

    @AttributeDefinition(description = "Camera id used in the device registry, events and snapshots; 1 to 64"
            + " characters from A-Z, a-z, 0-9, '.', '_', ':' and '-'.")
    String cameraId();

    @AttributeDefinition(description = "Device service address, such as http://10.1.2.3/onvif/device_service.")
    String address();

    @AttributeDefinition(description = "User name for WS-Security and snapshot HTTP authentication.")
    String username() default "admin";

    @AttributeDefinition(description = "Password of that user.", type = AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(description = "Token of the media profile to use for stream, snapshot and PTZ; empty for the"
            + " camera's first profile.")
    String profile() default "";

    @AttributeDefinition(description = "Event kinds to turn into device events: any of motion, tampering, video-loss.")
    String[] eventTopics() default {"motion", "tampering", "video-loss"};

    @AttributeDefinition(description = "Timeout of each request to the camera in seconds, 2-60.", min = "2", max = "60")
    int requestTimeoutSeconds() default 10;

    @AttributeDefinition(description = "Lifetime asked for the pull-point subscription in seconds, 10-3600. It is renewed"
            + " when a third of it remains.", min = "10", max = "3600")
    int subscriptionSeconds() default 60;
}
