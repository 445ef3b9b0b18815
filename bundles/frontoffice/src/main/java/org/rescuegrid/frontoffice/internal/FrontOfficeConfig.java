package org.rescuegrid.frontoffice.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "RescueGrid front office", description = "Call intake, dispatch, arrival detection and the response clock.")
public @interface FrontOfficeConfig {

    @AttributeDefinition(description = "CSV file of the fleet: vehicleId,type,station per line. A relative path is resolved against the node's etc folder.")
    String vehiclesFile() default "rescuegrid-vehicles.csv";

    @AttributeDefinition(description = "CSV file of named places: kind,name,latitude,longitude per line, kind being landmark, station or hospital. Relative to etc like vehiclesFile.")
    String gazetteerFile() default "rescuegrid-gazetteer.csv";

    @AttributeDefinition(description = "A new call within this distance of an open incident of the same type is offered as its duplicate, in metres, 0-50000.")
    int duplicateDistanceMeters() default 500;

    @AttributeDefinition(description = "... and within this time of the incident's first call, in minutes, 0-1440.")
    int duplicateWindowMinutes() default 60;

    @AttributeDefinition(description = "Nuisance or fake calls from one number after which its next call is flagged, 1-1000.")
    int nuisanceThreshold() default 2;

    @AttributeDefinition(description = "Period over which nuisance calls are counted, in days, 1-365.")
    int nuisanceLookbackDays() default 30;

    @AttributeDefinition(description = "A vehicle is on scene once within this distance of the incident, in metres, 10-5000.")
    int arrivalRadiusMeters() default 100;

    @AttributeDefinition(description = "... for this long, in seconds, 0-3600; the arrival time is its first fix inside the radius.")
    int arrivalDwellSeconds() default 30;

    @AttributeDefinition(description = "A vehicle on scene leaves it only beyond this distance, in metres, at least arrivalRadiusMeters; GPS drift inside it does not count.")
    int leaveRadiusMeters() default 300;

    @AttributeDefinition(description = "... for this long, in seconds, 0-3600.")
    int leaveDwellSeconds() default 60;

    @AttributeDefinition(description = "Radius of a hospital or a station for arrival there and of a station for leaving it, in metres, 10-5000; the arrival dwell applies.")
    int siteRadiusMeters() default 150;

    @AttributeDefinition(description = "Vehicles farther than this straight-line distance from an incident are not recommended for it, in km, 1-1000.")
    int recommendationRadiusKm() default 50;

    @AttributeDefinition(description = "Road distance as a multiple of the straight-line distance, 1.0-3.0.")
    double roadFactor() default 1.4;

    @AttributeDefinition(description = "Lowest speed an ETA assumes, in km/h, 1-200.")
    double minSpeedKmh() default 15;

    @AttributeDefinition(description = "Speed an ETA assumes where the fleet has no recent moving fixes, in km/h, at least minSpeedKmh.")
    double defaultSpeedKmh() default 30;

    @AttributeDefinition(description = "Age of the fleet's moving fixes that count as recent for the ETA speed, in minutes, 1-1440.")
    int trafficWindowMinutes() default 30;

    @AttributeDefinition(description = "A vehicle's fix older than this does not count as its position; its station does, in minutes, 1-1440.")
    int maxPositionAgeMinutes() default 15;

    @AttributeDefinition(description = "An open incident without a vehicle on scene this long after the call raises an alert, in seconds, 10-86400.")
    int responseWarningSeconds() default 300;

    @AttributeDefinition(description = "Response standard the KPIs measure against, in seconds, 10-86400.")
    int responseTargetSeconds() default 420;

    @AttributeDefinition(description = "How often the response clocks are checked, in seconds, 1-60.")
    int clockCheckSeconds() default 5;

    @AttributeDefinition(description = "CSV file of the districts: district,place per line, place being a name of the gazetteer; a place belongs to the district of the nearest listed place. Relative to etc like vehiclesFile; without the file the node is one district.")
    String districtsFile() default "rescuegrid-districts.csv";

    @AttributeDefinition(description = "District of calls without a place, and of the whole node when there is no districts file.")
    String defaultDistrict() default "main";

    @AttributeDefinition(description = "Shifts the KPIs and driver scores are split by: comma-separated NAME=HH:MM-HH:MM covering the day once, in timeZone.")
    String shifts() default "morning=08:00-16:00,evening=16:00-24:00,night=00:00-08:00";

    @AttributeDefinition(description = "Time zone of the KPI days and shifts, such as Asia/Karachi.")
    String timeZone() default "Asia/Karachi";

    @AttributeDefinition(description = "Hours after a shift's end at which its KPIs are sent to HQ, so late arrivals count, 0-24.")
    int kpiReportDelayHours() default 1;

    @AttributeDefinition(description = "Speed of free-flowing traffic that the congestion measure compares the fleet's speeds with, in km/h, 10-200.")
    double trafficFreeFlowKmh() default 50;

    @AttributeDefinition(description = "Days of hourly fleet speeds kept per area for ETAs where no recent fix is near, 1-60.")
    int trafficHistoryDays() default 14;

    @AttributeDefinition(description = "Whether scenario players may set the front office's clock (SimulatedTime service); for demo and test nodes only.")
    boolean simulatedTimeAllowed() default false;
}
