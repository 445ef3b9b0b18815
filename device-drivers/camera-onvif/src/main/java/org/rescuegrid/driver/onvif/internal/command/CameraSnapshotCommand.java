package org.rescuegrid.driver.onvif.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.rescuegrid.driver.onvif.CameraService;
import org.rescuegrid.driver.onvif.StoredSnapshot;

@Command(scope = "rescue", name = "camera-snapshot", description = "Takes a snapshot from a camera and stores it,"
        + " optionally attached to an incident.")
@Service
public class CameraSnapshotCommand implements Action {

    @Reference
    CameraService cameras;

    @Argument(index = 0, name = "camera", description = "Camera id, as rescue:camera-list shows it.", required = true)
    @Completion(CameraIdCompleter.class)
    String cameraId;

    @Argument(index = 1, name = "incident", description = "Incident id to attach the snapshot to.")
    String incidentId;

    @Override
    public Object execute() {
        if (incidentId != null && !incidentId.matches("[A-Za-z0-9._:-]{1,64}")) {
            throw new IllegalArgumentException("invalid incident id '" + incidentId
                    + "', expected 1 to 64 characters from A-Z, a-z, 0-9, '.', '_', ':' and '-'");
        }
        StoredSnapshot snapshot = cameras.takeSnapshot(cameraId, incidentId);
        System.out.println("Snapshot " + snapshot.snapshotId() + " from " + snapshot.cameraId() + " at "
                + snapshot.takenAt() + ", " + snapshot.sizeBytes() + " bytes"
                + (snapshot.incidentId() == null ? "" : ", incident " + snapshot.incidentId()));
        return null;
    }
}
