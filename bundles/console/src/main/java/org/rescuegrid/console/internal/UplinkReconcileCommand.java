package org.rescuegrid.console.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.Row;
import org.apache.karaf.shell.support.table.ShellTable;
import org.rescuegrid.api.uplink.ReconciliationResult;
import org.rescuegrid.api.uplink.UplinkReconciler;

@Command(scope = "rescue", name = "uplink-reconcile", description = "Compares this node's records of one UTC day with HQ's, by"
        + " record type, lists the ids HQ lacks and, with --resend, queues those records for HQ again.")
@Service
public class UplinkReconcileCommand implements Action {

    @Option(name = "--day", description = "UTC day to compare, as YYYY-MM-DD; default today (UTC). A UTC day starts at 05:00 in Pakistan.")
    String day;

    @Option(name = "--resend", description = "Append the records HQ lacks to the outbox again, so that the uplink sends them; HQ stores each once.")
    boolean resend;

    @Option(name = "--list", description = "How many missing ids to list per record type, 0-1000; default 20.")
    int list = 20;

    @Reference(optional = true)
    UplinkReconciler reconciler;

    @Override
    public Object execute() {
        if (reconciler == null) {
            throw new IllegalStateException("the uplink is not running on this node: either feature rescuegrid-uplink is not"
                    + " installed, or etc/org.rescuegrid.uplink.cfg (province, hqUrl, token) is missing or invalid; the log names the invalid value");
        }
        if (list < 0 || list > 1000) {
            throw new IllegalArgumentException("--list " + list + " is invalid; give a number from 0 to 1000");
        }
        ReconciliationResult result = reconciler.reconcile(parseDay(day), resend, list);

        ShellTable table = new ShellTable();
        table.column("Type");
        table.column("District").alignRight();
        table.column("HQ").alignRight();
        table.column("Missing at HQ").alignRight();
        table.column("Unknown to district").alignRight();
        if (resend) {
            table.column("Resent").alignRight();
        }
        for (ReconciliationResult.TypeResult type : result.types()) {
            Row row = table.addRow();
            row.addContent(type.recordType(), type.districtCount(), type.hqCount(), type.missingCount(), type.unknownAtHq());
            if (resend) {
                row.addContent(type.resent());
            }
        }
        System.out.println("Reconciliation of " + result.day() + " (UTC) with HQ");
        table.print(System.out);
        for (ReconciliationResult.TypeResult type : result.types()) {
            if (type.missingCount() > 0) {
                System.out.println("Missing " + type.recordType() + " ids (" + type.missingIds().size() + " of " + type.missingCount() + "):");
                type.missingIds().forEach(id -> System.out.println("  " + id));
            }
        }
        printAuditChain(result.auditChain());
        if (result.outboxBacklog() > 0) {
            System.out.println(result.outboxBacklog() + " records still wait in the outbox; HQ counts them as missing until they arrive.");
        }
        return null;
    }

    private static void printAuditChain(ReconciliationResult.AuditChainResult chain) {
        if (chain == null) {
            return;
        }
        if (chain.match()) {
            System.out.println("Audit chain: HQ's copy ends at this node's newest record (" + chain.districtRecords() + " records, seq "
                    + chain.districtLastSeq() + ").");
            return;
        }
        System.out.println("Audit chain differs from HQ's copy: this node holds " + chain.districtRecords() + " records up to seq "
                + chain.districtLastSeq() + ", HQ " + chain.hqRecords() + " up to seq " + chain.hqLastSeq() + ".");
        if (chain.hqLastSeq() > chain.districtLastSeq()) {
            System.out.println("HQ holds newer audit records than this node: records were deleted from this node's chain.");
        } else if (chain.hqLastSeq() < chain.districtLastSeq()) {
            System.out.println("HQ lacks this node's newest audit records: they wait in the outbox or are listed above as missing.");
        } else {
            System.out.println("The records differ at HQ: the newest record's hash or the record count is not the same; run rescue:hq-audit-verify at HQ.");
        }
    }

    private static LocalDate parseDay(String text) {
        if (text == null) {
            return LocalDate.now(ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--day '" + text + "' is invalid; give a UTC date as YYYY-MM-DD, for example 2026-12-04");
        }
    }
}
