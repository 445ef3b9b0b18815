package org.rescuegrid.backoffice.internal;

import java.util.List;

import org.rescuegrid.api.audit.AuditChainState;
import org.rescuegrid.api.audit.AuditLog;

/** The audit log with the queries of the back office's console commands. */
public interface AuditTrail extends AuditLog, AuditChainState {

    /** Returns the records that match, oldest first, at most the query's limit of the newest. */
    List<AuditRecord> find(AuditQuery query);

    /** Checks the whole chain and returns the first broken record, if any. */
    AuditVerification verify();
}
