package org.rescuegrid.backoffice.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the back office (PID {@code org.rescuegrid.backoffice}). Relative paths are under Karaf's etc directory. */
@ObjectClassDefinition(name = "RescueGrid back office", description = "Procedures, roster, compliance evaluation and vehicle readiness.")
public @interface BackOfficeConfig {

    @AttributeDefinition(description = "Directory of the procedure files <incident-type>-v<N>.json.")
    String sopDirectory() default "rescuegrid/sop";

    @AttributeDefinition(description = "Staff file: staffId,name,role,station,district,login.")
    String staffFile() default "rescuegrid/staff.csv";

    @AttributeDefinition(description = "Shifts file: shift,from,to with times HH:mm in UTC; a shift may run past midnight.")
    String shiftsFile() default "rescuegrid/shifts.csv";

    @AttributeDefinition(description = "Rota file: date (yyyy-MM-dd or * for every day),shift,staffId,post; post is a vehicle id or desk:NAME.")
    String rotaFile() default "rescuegrid/rota.csv";

    @AttributeDefinition(description = "Seconds between two evaluations of the open incidents and scans of the procedure directory, 1 to 300.")
    int evaluationSeconds() default 5;

    @AttributeDefinition(description = "Items of the start-of-shift readiness checklist of every vehicle, comma-separated.")
    String readinessItems() default "equipment,fuel,oxygen,stretcher";
}
