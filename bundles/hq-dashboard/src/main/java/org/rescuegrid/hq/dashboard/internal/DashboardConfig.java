package org.rescuegrid.hq.dashboard.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "RescueGrid HQ dashboard",
        description = "The web dashboard HQ staff open in a browser, and its read API.")
public @interface DashboardConfig {

    @AttributeDefinition(description = "Map tile URL template such as https://tiles.example.org/{z}/{x}/{y}.png;"
            + " empty shows district outlines and markers on a plain background, with no tile server needed")
    String tileUrl() default "";

    @AttributeDefinition(description = "Attribution text the tile source requires, shown on the map")
    String tileAttribution() default "";

    @AttributeDefinition(description = "A district with no record for this many seconds is shown as stale")
    int staleAfterSeconds() default 60;

    @AttributeDefinition(description = "A device with no position for this many minutes is listed as silent")
    int silentDeviceMinutes() default 15;

    @AttributeDefinition(description = "Minutes a login stays valid without a request")
    int sessionMinutes() default 480;

    @AttributeDefinition(description = "Karaf JAAS realm the logins are checked against")
    String realm() default "karaf";

    @AttributeDefinition(description = "JAAS role that may read the dashboard and the API")
    String viewerRole() default "hq-viewer";

    @AttributeDefinition(description = "JAAS role of HQ administrators; it includes the viewer's rights")
    String adminRole() default "hq-admin";
}
