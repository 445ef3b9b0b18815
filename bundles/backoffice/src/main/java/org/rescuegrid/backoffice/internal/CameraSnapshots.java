package org.rescuegrid.backoffice.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.rescuegrid.store.schema.Jdbc;

/**
 * Camera snapshots attached to an incident, as facts for procedure steps {@code snapshot:CAMERA}. The
 * ONVIF camera driver stores them in its table {@code camera_snapshot} of the node's database. The table
 * is read directly, because the back office may not depend on a driver bundle. A node without the camera
 * driver has no such table and so no snapshot facts.
 */
final class CameraSnapshots {

    /** Derby's SQLState for a table that does not exist. */
    private static final String NO_TABLE = "42X05";

    private final BackOfficeDatabase database;

    CameraSnapshots(BackOfficeDatabase database) {
        this.database = database;
    }

    /** Returns the incident's snapshots as facts named by camera id, oldest first; staff is unknown. */
    List<IncidentFact> of(String incidentId) {
        try {
            return database.read(connection -> {
                List<IncidentFact> facts = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT camera_id, taken_at FROM camera_snapshot WHERE incident_id = ? ORDER BY taken_at, snapshot_id")) {
                    select.setString(1, incidentId);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            facts.add(new IncidentFact(incidentId, Sop.FactKind.SNAPSHOT, rs.getString(1), Jdbc.getInstant(rs, "taken_at"), null));
                        }
                    }
                }
                return facts;
            });
        } catch (SQLException e) {
            if (NO_TABLE.equals(e.getSQLState())) {
                return List.of();
            }
            throw new IllegalStateException("camera snapshots of incident " + incidentId + " could not be read: " + e.getMessage(), e);
        }
    }
}
