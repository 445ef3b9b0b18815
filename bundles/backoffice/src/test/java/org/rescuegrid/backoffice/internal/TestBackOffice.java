package org.rescuegrid.backoffice.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.rescuegrid.frontoffice.DriverBehaviourService;
import org.rescuegrid.frontoffice.DriverEvent;
import org.rescuegrid.frontoffice.DriverScore;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.internal.FrontOfficeFixture;

/**
 * A back office on an in-memory database, with the demo's procedures and roster copied into a directory of
 * its own so that tests may change them.
 */
public final class TestBackOffice implements BackOffice {

    public final EmbeddedDataSource dataSource;
    public final FrontOfficeFixture frontOffice;
    public final AuditChain audit;
    public final Path sopDirectory;
    public final Path staffFile;
    private final SopLibrary procedures;
    private final RosterFiles roster;
    private final Readiness readiness;
    private final Compliance compliance;
    public final RecordedDriverEvents driverBehaviour = new RecordedDriverEvents();

    public TestBackOffice(Path directory, Instant start) throws SQLException, IOException {
        this.dataSource = TestDatabase.inMemory();
        this.frontOffice = new FrontOfficeFixture(dataSource, start);
        BackOfficeDatabase database = new BackOfficeDatabase(dataSource);
        this.audit = new AuditChain(database, frontOffice.clock());
        this.sopDirectory = Files.createDirectories(directory.resolve("sop"));
        for (String file : List.of("fire-v1.json", "medical-emergency-v1.json", "road-traffic-accident-v1.json")) {
            Files.copy(FrontOfficeFixture.ETC.resolve("rescuegrid/sop/" + file), sopDirectory.resolve(file));
        }
        for (String file : List.of("staff.csv", "shifts.csv", "rota.csv")) {
            Files.copy(FrontOfficeFixture.ETC.resolve("rescuegrid/" + file), directory.resolve(file));
        }
        this.staffFile = directory.resolve("staff.csv");
        this.procedures = new SopLibrary(database, sopDirectory, audit, frontOffice.clock());
        procedures.scan();
        this.roster = new RosterFiles(staffFile, directory.resolve("shifts.csv"), directory.resolve("rota.csv"), audit, database, frontOffice.clock());
        roster.reload();
        this.readiness = new Readiness(database, List.of("equipment", "fuel", "oxygen", "stretcher"), audit, frontOffice.clock());
        this.compliance = new Compliance(database, procedures, frontOffice.frontOffice(), roster, roster::at, audit,
                frontOffice.clock());
        frontOffice.readiness(readiness);
    }

    @Override
    public SopLibrary procedures() {
        return procedures;
    }

    @Override
    public RosterFiles roster() {
        return roster;
    }

    @Override
    public Compliance compliance() {
        return compliance;
    }

    @Override
    public Readiness readiness() {
        return readiness;
    }

    @Override
    public FrontOfficeService frontOffice() {
        return frontOffice.frontOffice();
    }

    @Override
    public DriverBehaviourService driverBehaviour() {
        return driverBehaviour;
    }

    /** Driver-behaviour events that tests add by hand, as the front office would detect them. */
    public static final class RecordedDriverEvents implements DriverBehaviourService {

        public final List<DriverEvent> events = new ArrayList<>();

        @Override
        public void assign(String vehicleId, String driverId, String user) {
            throw new UnsupportedOperationException("the back office does not assign drivers");
        }

        @Override
        public Map<String, String> assignments() {
            return Map.of();
        }

        @Override
        public List<DriverEvent> events(Instant from, Instant to) {
            return events.stream().filter(e -> !e.time().isBefore(from) && e.time().isBefore(to)).toList();
        }

        @Override
        public List<DriverScore> scores(LocalDate day, String shift) {
            return List.of();
        }
    }
}
