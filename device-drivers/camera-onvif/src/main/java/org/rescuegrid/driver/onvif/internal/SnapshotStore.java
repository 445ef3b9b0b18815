package org.rescuegrid.driver.onvif.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rescuegrid.driver.onvif.StoredSnapshot;
import org.rescuegrid.store.schema.Jdbc;
import org.rescuegrid.store.schema.Migration;
import org.rescuegrid.store.schema.SchemaMigrator;

/** Stores camera snapshots in the node's database, in tables of the driver's own schema history "camera". */
@Component(service = SnapshotStore.class)
public class SnapshotStore {

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "camera snapshots", "db/camera/V001__camera_snapshots.sql"));

    private final DataSource dataSource;

    @Activate
    public SnapshotStore(@Reference(target = "(dataSourceName=rescuegrid)") DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        new SchemaMigrator("camera", SnapshotStore.class.getClassLoader(), MIGRATIONS).migrate(dataSource);
    }

    StoredSnapshot store(String cameraId, Instant takenAt, String profileToken, String contentType, byte[] image,
            String incidentId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO camera_snapshot"
                        + " (camera_id, taken_at, profile_token, content_type, size_bytes, image, incident_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, cameraId);
            Jdbc.setInstant(insert, 2, takenAt);
            insert.setString(3, profileToken);
            insert.setString(4, contentType);
            insert.setInt(5, image.length);
            insert.setBytes(6, image);
            insert.setString(7, incidentId);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("Derby returned no generated key for camera_snapshot");
                }
                return new StoredSnapshot(keys.getLong(1), cameraId, takenAt, image.length, incidentId);
            }
        }
    }
}
