package org.rescuegrid.frontoffice.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

import org.rescuegrid.frontoffice.DriverBehaviourService;
import org.rescuegrid.frontoffice.FrontOfficeService;

/** The front-office services of a {@link TestNode}, for the console command tests in another package. */
public final class CommandTestServices {

    public final FrontOfficeService frontOffice;
    public final DriverBehaviourService driving;

    public CommandTestServices(Instant start) throws SQLException {
        TestNode node = new TestNode(start);
        frontOffice = node.frontOffice;
        driving = new DriverBehaviour(node.dataSource, DrivingSettings.from(DrivingRulesTest.config(Map.of())), node.frontOffice, node.clock);
    }
}
