package org.rescuegrid.driver.onvif.internal.command;

import java.time.Duration;
import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.rescuegrid.driver.onvif.CameraService;
import org.rescuegrid.driver.onvif.CameraView;

@Command(scope = "rescue", name = "camera-list", description = "Lists the configured ONVIF cameras with health, model,"
        + " profile, stream URI, clock offset, last contact and last snapshot.")
@Service
public class CameraListCommand implements Action {

    @Reference
    CameraService cameras;

    @Override
    public Object execute() {
        Instant now = Instant.now();
        ShellTable table = new ShellTable();
        table.column("Camera");
        table.column("Health");
        table.column("Model");
        table.column("Profile");
        table.column("PTZ");
        table.column("Stream");
        table.column("Clock offset").alignRight();
        table.column("Last contact");
        table.column("Last snapshot");
        table.column("Detail");
        for (CameraView camera : cameras.cameras()) {
            table.addRow().addContent(camera.cameraId(), camera.health(),
                    camera.model() == null ? "-" : camera.manufacturer() + " " + camera.model(),
                    text(camera.profileToken()), camera.ptz() ? "yes" : "no", text(camera.streamUri()),
                    seconds(camera.clockOffset()), age(camera.lastContact(), now), age(camera.lastSnapshot(), now),
                    camera.detail().isEmpty() ? "-" : camera.detail());
        }
        table.print(System.out);
        return null;
    }

    private static String text(Object value) {
        return value == null ? "-" : value.toString();
    }

    private static String seconds(Duration offset) {
        return offset == null ? "-" : offset.toSeconds() + " s";
    }

    private static String age(Instant time, Instant now) {
        return time == null ? "never" : Duration.between(time, now).toSeconds() + " s ago";
    }
}
