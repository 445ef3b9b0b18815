package org.rescuegrid.simulators.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "RescueGrid NMEA replay simulator",
        description = "Replays NMEA 0183 logs recorded from real GPS receivers to the NMEA driver's TCP listener,"
                + " one connection per simulated vehicle.")
public @interface NmeaReplayConfig {

    @AttributeDefinition(description = "Replay the vehicles. When false the component logs that the replay is disabled"
            + " and opens no connection; the other settings are then not checked.")
    boolean enabled() default true;

    @AttributeDefinition(description = "Host name or address of the NMEA driver's TCP listener.")
    String host() default "127.0.0.1";

    @AttributeDefinition(description = "TCP port of the NMEA driver's listener, 1-65535.", min = "1", max = "65535")
    int port() default 5010;

    @AttributeDefinition(description = "Simulated vehicles, one DEVICE_ID=LOGFILE entry each, such as"
            + " TRK-LHR-01=quectel-L70.log. DEVICE_ID is 1 to 64 characters from A-Z, a-z, 0-9, '.', '_', ':' and '-';"
            + " LOGFILE is the name of a log under fixtures/nmea in this bundle. Blank entries are ignored.")
    String[] vehicles() default {
        "TRK-LHR-01=quectel-L70.log",
        "AMB-LHR-02=bundg_zeus_9.log",
        "FIRE-KHI-01=haicom-305N.log",
        "RSQ-ISB-01=quectel-l76k-dual.log"
    };

    @AttributeDefinition(description = "Replay speed as a multiple of the recorded pace, 0.1-1000. 1 replays at the pace"
            + " given by the UTC times in the log's RMC, GGA and GLL sentences.", min = "0.1", max = "1000")
    double speedup() default 1.0;

    @AttributeDefinition(description = "Text sent before the device id as the first line of every connection, so the"
            + " driver can identify the device. Must not be empty or contain line breaks.")
    String registrationPrefix() default "$RGREG,";

    @AttributeDefinition(description = "Start the log again from its first line when it ends. When false the replayer"
            + " closes the vehicle's connection after one pass.")
    boolean loop() default true;

    @AttributeDefinition(description = "Stamp every epoch with the present UTC time and date, so the node receives live"
            + " fixes at the recorded pace and places. When false the recorded times are sent, and each later pass of a"
            + " looped log is moved on by whole days so that it is not taken for a resend.")
    boolean presentTime() default true;

    @AttributeDefinition(description = "Optional new positions, one DEVICE_ID=LAT,LON entry each in decimal degrees, such"
            + " as TRK-LHR-01=31.5204,74.3587. The vehicle's coordinates in GGA, RMC, GLL and GNS sentences are shifted"
            + " so that the log's first fix lands on that point, and the checksums are recomputed. The device id must"
            + " appear in vehicles. Blank entries are ignored.")
    String[] relocate() default {
        "TRK-LHR-01=31.5204,74.3587",
        "AMB-LHR-02=31.5497,74.3436",
        "FIRE-KHI-01=24.8607,67.0011",
        "RSQ-ISB-01=33.6844,73.0479"
    };

    @AttributeDefinition(description = "Simulated GT06 trackers, one IMEI=LOGFILE entry each, such as"
            + " 868683020000001=haicom-305N.log. IMEI is 15 digits; LOGFILE is a log under fixtures/nmea. Each sends a GT06"
            + " login, then one GT06 location packet per epoch of the log that has a valid RMC. Their positions can be"
            + " moved with gt06Relocate. Blank entries are ignored; empty by default.")
    String[] gt06Vehicles() default {};

    @AttributeDefinition(description = "Optional new positions of GT06 trackers, one IMEI=LAT,LON entry each in decimal"
            + " degrees, applied as relocate does; the IMEI must appear in gt06Vehicles. Blank entries are ignored.")
    String[] gt06Relocate() default {};

    @AttributeDefinition(description = "TCP port of the GT06 driver's listener on host, 1-65535.", min = "1", max = "65535")
    int gt06Port() default 5023;

    @AttributeDefinition(description = "Simulated Teltonika trackers sending Codec 8, one IMEI=LOGFILE entry each, such as"
            + " 352093081000001=nmea-rtk.log. IMEI is 15 to 17 digits; LOGFILE is a log under fixtures/nmea. Each sends the IMEI"
            + " handshake, waits for the driver to accept it, then sends one AVL packet of one record per epoch of the log that"
            + " has a valid RMC. Blank entries are ignored; empty by default.")
    String[] teltonikaVehicles() default {};

    @AttributeDefinition(description = "Simulated Teltonika trackers sending Codec 8 Extended, in the same form as"
            + " teltonikaVehicles. Blank entries are ignored; empty by default.")
    String[] teltonikaExtendedVehicles() default {};

    @AttributeDefinition(description = "Optional new positions of Teltonika trackers, one IMEI=LAT,LON entry each in decimal"
            + " degrees, applied as relocate does; the IMEI must appear in teltonikaVehicles or teltonikaExtendedVehicles."
            + " Blank entries are ignored.")
    String[] teltonikaRelocate() default {};

    @AttributeDefinition(description = "TCP port of the Teltonika driver's listener on host, 1-65535.", min = "1", max = "65535")
    int teltonikaPort() default 5027;

    @AttributeDefinition(description = "Simulated phones running an OsmAnd-protocol app, one DEVICE_ID=LOGFILE entry each,"
            + " such as CREW-LHR-07=st-teseo-liv3f.log, with DEVICE_ID as in vehicles. Each sends one HTTP GET location"
            + " report per epoch of the log that has a valid RMC. Blank entries are ignored; empty by default.")
    String[] osmandVehicles() default {};

    @AttributeDefinition(description = "Optional new positions of OsmAnd phones, one DEVICE_ID=LAT,LON entry each in decimal"
            + " degrees, applied as relocate does; the device id must appear in osmandVehicles. Blank entries are ignored.")
    String[] osmandRelocate() default {};

    @AttributeDefinition(description = "TCP port of the node's HTTP server on host, where the OsmAnd driver listens, 1-65535.",
            min = "1", max = "65535")
    int osmandPort() default 8123;

    @AttributeDefinition(description = "Path of the OsmAnd driver's endpoint on the node's HTTP server, starting with '/'.")
    String osmandPath() default "/osmand";
}
