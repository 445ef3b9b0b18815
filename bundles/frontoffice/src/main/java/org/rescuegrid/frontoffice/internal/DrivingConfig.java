package org.rescuegrid.frontoffice.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "RescueGrid driver behaviour", description = "Limits and thresholds of the driving events scored per driver and shift.")
public @interface DrivingConfig {

    @AttributeDefinition(description = "Speed limit per vehicle type in km/h, comma-separated TYPE=KMH for every type: ambulance, fire, rescue, motorbike, water-rescue.")
    String speedLimits() default "ambulance=100,fire=80,rescue=80,motorbike=80,water-rescue=70";

    @AttributeDefinition(description = "Speed limit of runs without a patient (available, returning from hospital, back in service), in km/h, 10-200.")
    double noPatientLimitKmh() default 60;

    @AttributeDefinition(description = "Deceleration between two fixes from which braking counts as harsh, in m/s², 1-15. Used only for trackers that never reported harsh braking themselves.")
    double harshBrakingMps2() default 3.5;

    @AttributeDefinition(description = "Acceleration between two fixes from which it counts as harsh, in m/s², 1-15; derived like harshBrakingMps2.")
    double harshAccelerationMps2() default 3.0;

    @AttributeDefinition(description = "Two fixes further apart than this are not compared for braking and acceleration, in seconds, 1-60.")
    int maxFixGapSeconds() default 5;

    @AttributeDefinition(description = "Engine on (from the tracker's ignition events) and speed at most idleSpeedKmh for this long is long idling, in minutes, 1-240.")
    int idleMinutes() default 10;

    @AttributeDefinition(description = "Speed up to which a vehicle counts as standing for idling, in km/h, 0-10.")
    double idleSpeedKmh() default 3;
}
