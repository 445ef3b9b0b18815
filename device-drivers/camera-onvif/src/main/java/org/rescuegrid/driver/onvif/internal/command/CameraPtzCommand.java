package org.rescuegrid.driver.onvif.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.rescuegrid.driver.onvif.CameraService;

@Command(scope = "rescue", name = "camera-ptz", description = "Moves a PTZ camera: PAN TILT ZOOM velocities from -1 to 1"
        + " (the camera stops after 5 s), 'stop', 'preset NAME', or 'presets' to list the preset names.")
@Service
public class CameraPtzCommand implements Action {

    private static final String FORM = "PAN TILT ZOOM (numbers from -1 to 1), stop, preset NAME or presets";

    @Reference
    CameraService cameras;

    @Argument(index = 0, name = "camera", description = "Camera id, as rescue:camera-list shows it.", required = true)
    @Completion(CameraIdCompleter.class)
    String cameraId;

    @Argument(index = 1, name = "action", description = FORM, required = true, multiValued = true)
    List<String> action;

    @Override
    public Object execute() {
        if (action.size() == 1 && action.get(0).equals("stop")) {
            cameras.ptzStop(cameraId);
            System.out.println("Stopped " + cameraId);
        } else if (action.size() == 1 && action.get(0).equals("presets")) {
            cameras.ptzPresets(cameraId).forEach(System.out::println);
        } else if (action.size() == 2 && action.get(0).equals("preset")) {
            cameras.ptzPreset(cameraId, action.get(1));
            System.out.println("Moving " + cameraId + " to preset " + action.get(1));
        } else if (action.size() == 3) {
            double pan = velocity("pan", action.get(0));
            double tilt = velocity("tilt", action.get(1));
            double zoom = velocity("zoom", action.get(2));
            cameras.ptzMove(cameraId, pan, tilt, zoom);
            System.out.println("Moving " + cameraId + " at pan " + pan + ", tilt " + tilt + ", zoom " + zoom);
        } else {
            throw new IllegalArgumentException("invalid PTZ action '" + String.join(" ", action) + "', expected " + FORM);
        }
        return null;
    }

    private static double velocity(String axis, String text) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value >= -1 && value <= 1)) {
            throw new IllegalArgumentException("invalid " + axis + " velocity '" + text + "', expected a number from -1 to 1");
        }
        return value;
    }
}
