package org.rescuegrid.frontoffice.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "RescueGrid demo scenario", description = "Plays a scenario into this node once after start, in accelerated time. Needs simulatedTimeAllowed of the front office.")
public @interface DemoScenarioConfig {

    @AttributeDefinition(description = "Whether the scenario is played.")
    boolean enabled() default false;

    @AttributeDefinition(description = "Scenario file, absolute or relative to the node's etc folder.")
    String scenarioFile() default "rescuegrid-demo-busy-hour.scn";

    @AttributeDefinition(description = "Scenario seconds per wall-clock second, 1-3600.")
    double speedup() default 20;

    @AttributeDefinition(description = "Wait after start before the first event, in seconds, 0-3600.")
    int startDelaySeconds() default 30;
}
