package org.rescuegrid.hq.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.rescuegrid.hq.HqAuditService;
import org.rescuegrid.hq.HqAuditVerification;

@Command(scope = "rescue", name = "hq-audit-verify",
        description = "Checks HQ's copies of the district nodes' audit chains and reports the first edited, missing or reordered record.")
@Service
public class HqAuditVerifyCommand implements Action {

    @Reference
    HqAuditService audit;

    @Option(name = "--district", description = "Code the district node uploads with, such as PB-LHR; without it every district is checked")
    @Completion(AuditDistrictCompleter.class)
    String district;

    @Override
    public Object execute() {
        List<String> districts = audit.districts();
        if (district != null && !districts.contains(district)) {
            throw new IllegalArgumentException("HQ has no audit records of district '" + district + "'; districts with audit records: "
                    + (districts.isEmpty() ? "none" : String.join(", ", districts)));
        }
        ShellTable table = new ShellTable();
        table.column("District");
        table.column("Records").alignRight();
        table.column("Verified").alignRight();
        table.column("Result");
        for (String code : district == null ? districts : List.of(district)) {
            HqAuditVerification verification = audit.verify(code);
            table.addRow().addContent(code, verification.records(), verification.verified(), verification.intact() ? "intact"
                    : "broken at record " + verification.firstBroken() + ": " + verification.reason());
        }
        table.print(System.out);
        return null;
    }
}
