package org.rescuegrid.frontoffice.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.rescuegrid.frontoffice.CallRecord;
import org.rescuegrid.frontoffice.Disposition;
import org.rescuegrid.api.audit.AuditLog;
import org.rescuegrid.frontoffice.FrontOfficeService;

@Command(scope = "rescue", name = "call-reclassify", description = "Changes a call's disposition, for example to fake when the crew found nothing. Supervisors and admins only.")
@Service
public class CallReclassifyCommand extends FrontOfficeCommand {

    @Argument(index = 0, name = "call", description = "Call id, for example CALL-000012.", required = true)
    String callId;

    @Argument(index = 1, name = "disposition", description = "New disposition; not emergency.", required = true)
    @Completion(value = StringsCompleter.class, values = {"nuisance", "information", "wrong-number", "blank", "dropped", "fake"})
    String disposition;

    @Reference
    FrontOfficeService frontOffice;

    @Reference
    Session session;

    @Reference(optional = true)
    AuditLog audit;

    @Override
    protected Object run() {
        CallRecord call = frontOffice.reclassify(callId.strip(), Disposition.parse(disposition), Users.current(session));
        Audit.record(audit, session, "call-reclassify", call.incidentId() == null ? List.of(call.callId()) : List.of(call.callId(), call.incidentId()),
                null, "disposition " + call.disposition().label());
        System.out.println("Call " + call.callId() + " is now " + call.disposition().label() + ".");
        return null;
    }
}
