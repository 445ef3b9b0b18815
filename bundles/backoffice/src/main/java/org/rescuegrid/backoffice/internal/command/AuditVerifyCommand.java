package org.rescuegrid.backoffice.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.rescuegrid.backoffice.internal.AuditTrail;
import org.rescuegrid.backoffice.internal.AuditVerification;

@Command(scope = "rescue", name = "audit-verify", description = "Checks the audit chain and reports the first edited, deleted or reordered record.")
@Service
public class AuditVerifyCommand extends BackOfficeCommand {

    @Reference
    AuditTrail audit;

    @Override
    protected Object run() {
        AuditVerification verification = audit.verify();
        System.out.println(verification.describe());
        return null;
    }
}
