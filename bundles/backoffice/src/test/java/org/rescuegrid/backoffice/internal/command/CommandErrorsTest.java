package org.rescuegrid.backoffice.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rescuegrid.backoffice.internal.AuditQuery;
import org.rescuegrid.backoffice.internal.AuditRecord;
import org.rescuegrid.backoffice.internal.TestBackOffice;

/**
 * Bad arguments and refused changes of the back-office commands reach the console as Karaf's
 * CommandException, which the console prints as one sentence instead of logging an ERROR.
 */
class CommandErrorsTest {

    private static final String TIME_FORM = "write a date such as 2026-12-04 or a UTC time such as 2026-12-04T10:07:00Z";

    @TempDir
    Path directory;

    private TestBackOffice backOffice;

    @BeforeEach
    void start() throws SQLException, IOException {
        backOffice = new TestBackOffice(directory, Instant.parse("2026-12-04T05:00:00Z"));
    }

    @Test
    void rosterAtYesterday() {
        RosterCommand command = new RosterCommand();
        command.backOffice = backOffice;
        command.at = "yesterday";

        CommandException e = assertThrows(CommandException.class, command::execute);

        assertEquals("--at 'yesterday' is invalid; " + TIME_FORM, e.getMessage());
    }

    @Test
    void otherCommandsBadArguments() {
        ComplianceCommand compliance = new ComplianceCommand();
        compliance.backOffice = backOffice;
        compliance.by = "vehicle";
        assertEquals("--by 'vehicle' is invalid; use staff, station, district or shift", assertThrows(CommandException.class, compliance::execute).getMessage());
        compliance.by = "staff";
        compliance.from = "last week";
        assertEquals("--from 'last week' is invalid; " + TIME_FORM, assertThrows(CommandException.class, compliance::execute).getMessage());

        AuditCommand audit = new AuditCommand();
        audit.audit = backOffice.audit;
        audit.source = "ssh";
        assertEquals("--source 'ssh' is invalid; use console, rest, config or automatic", assertThrows(CommandException.class, audit::execute).getMessage());

        SopShowCommand show = new SopShowCommand();
        show.backOffice = backOffice;
        show.type = "plane-crash";
        assertThrows(CommandException.class, show::execute);

        ReadinessCheckCommand check = new ReadinessCheckCommand();
        check.backOffice = backOffice;
        check.vehicleId = "AMB-XXX-1";
        assertEquals("vehicle 'AMB-XXX-1' is not in the fleet; rescue:dispatch INCIDENT lists vehicles",
                assertThrows(CommandException.class, check::execute).getMessage());
    }

    @Test
    void readinessEmptyItemRejected() {
        ReadinessCheckCommand check = new ReadinessCheckCommand();
        check.backOffice = backOffice;
        check.vehicleId = "AMB-LHR-101";
        check.failed = List.of("");

        assertEquals("failed checklist item '' is empty; name each failed item, one of equipment, fuel, oxygen, stretcher, or give none when"
                + " the check passed", assertThrows(CommandException.class, check::execute).getMessage());
        assertFalse(backOffice.readiness().latest("AMB-LHR-101").isPresent(), "nothing is recorded");
    }

    @Test
    void sopPublishWithoutAdminRoleRefusedAndAudited() throws IOException {
        Path file = Files.writeString(directory.resolve("fire.json"), "{\"incidentType\":\"fire\",\"version\":2,\"steps\":["
                + "{\"id\":\"call\",\"role\":\"call-taker\",\"fact\":\"lifecycle:call-received\"}]}");
        SopPublishCommand command = new SopPublishCommand();
        command.backOffice = backOffice;
        command.audit = backOffice.audit;
        command.file = file.toString();

        // Outside a JAAS login there is no subject and so no admin role.
        CommandException e = assertThrows(CommandException.class, command::execute);

        assertEquals("only admins publish procedures; user console does not have the role admin", e.getMessage());
        assertFalse(Files.exists(backOffice.sopDirectory.resolve("fire-v2.json")));
        List<AuditRecord> refused = backOffice.audit.find(new AuditQuery(null, null, null, "sop-publish-rejected", null, null, 10));
        assertEquals(1, refused.size());
        assertEquals(List.of(file.toString()), refused.get(0).targets());
    }
}
