package org.rescuegrid.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "RescueGrid record ledger",
        description = "How long the node keeps the records it sent to HQ for reconciliation. A day older than the retention"
                + " can no longer be compared with HQ record by record, nor resent.")
public @interface LedgerConfig {

    @AttributeDefinition(description = "UTC days the ledger keeps, today included, 1-3650.", min = "1", max = "3650")
    int retentionDays() default 35;

    @AttributeDefinition(description = "Minutes between two purges of the days older than the retention, 1-1440.", min = "1",
            max = "1440")
    int purgeIntervalMinutes() default 60;
}
