package org.rescuegrid.frontoffice.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.rescuegrid.api.event.DeviceEvent;
import org.rescuegrid.api.event.DeviceEventTypes;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.frontoffice.DriverEventType;
import org.rescuegrid.frontoffice.VehicleType;

/**
 * Detects driving events in each vehicle's fixes and tracker events, in time order. A speeding episode gives
 * one event at its first fix above the limit and ends at the first fix at or below it. Harsh braking and
 * acceleration come from the tracker where it has reported one, otherwise from the speed change between two
 * fixes at most {@code maxFixGap} apart. Idling needs the tracker's ignition events: with the ignition on,
 * a vehicle at or below the idle speed for the idle time gives one event at its first standing fix.
 * Not thread-safe: the caller serialises calls.
 */
final class DrivingRules {

    /** An event the rules found, before it is attributed to a driver. */
    record Detection(DriverEventType type, Instant time, Double speedKmh, Double limitKmh, Double value, boolean fromTracker) {
    }

    private static final class State {
        PositionFix previous;
        boolean overspeeding;
        boolean speedingWithoutPatient;
        boolean ignitionOn;
        Instant standingSince;
        boolean idlingReported;
        boolean trackerReportsHarsh;
    }

    private final DrivingSettings settings;
    private final Map<String, State> vehicles = new HashMap<>();

    DrivingRules(DrivingSettings settings) {
        this.settings = settings;
    }

    /**
     * Takes a valid fix of a vehicle.
     *
     * @param responding whether the vehicle is on its way to a scene or from it to a hospital, where only its type's limit applies
     */
    List<Detection> fix(String vehicleId, VehicleType type, boolean responding, PositionFix fix) {
        State state = vehicles.computeIfAbsent(vehicleId, k -> new State());
        List<Detection> found = new ArrayList<>();
        if (!fix.valid() || (state.previous != null && !fix.fixTime().isAfter(state.previous.fixTime()))) {
            return found;
        }
        PositionFix previous = state.previous;
        state.previous = fix;
        Double speed = fix.speedKmh();
        if (speed == null) {
            return found;
        }

        double limit = settings.speedLimits().get(type);
        boolean over = speed > limit;
        if (over && !state.overspeeding) {
            found.add(new Detection(DriverEventType.OVERSPEED, fix.fixTime(), speed, limit, null, false));
        }
        state.overspeeding = over;

        boolean overWithoutPatient = !responding && speed > settings.noPatientLimitKmh();
        if (overWithoutPatient && !state.speedingWithoutPatient) {
            found.add(new Detection(DriverEventType.SPEEDING_WITHOUT_PATIENT, fix.fixTime(), speed, settings.noPatientLimitKmh(), null, false));
        }
        state.speedingWithoutPatient = overWithoutPatient;

        if (!state.trackerReportsHarsh && previous != null && previous.speedKmh() != null) {
            Duration gap = Duration.between(previous.fixTime(), fix.fixTime());
            if (gap.compareTo(settings.maxFixGap()) <= 0) {
                double acceleration = (speed - previous.speedKmh()) / 3.6 / (gap.toMillis() / 1000.0);
                if (acceleration <= -settings.harshBrakingMps2()) {
                    found.add(new Detection(DriverEventType.HARSH_BRAKING, previous.fixTime(), previous.speedKmh(), null, round(acceleration), false));
                } else if (acceleration >= settings.harshAccelerationMps2()) {
                    found.add(new Detection(DriverEventType.HARSH_ACCELERATION, previous.fixTime(), previous.speedKmh(), null, round(acceleration),
                            false));
                }
            }
        }

        if (state.ignitionOn && speed <= settings.idleSpeedKmh()) {
            if (state.standingSince == null) {
                state.standingSince = fix.fixTime();
            }
            Duration standing = Duration.between(state.standingSince, fix.fixTime());
            if (!state.idlingReported && standing.compareTo(settings.idleTime()) >= 0) {
                state.idlingReported = true;
                found.add(new Detection(DriverEventType.LONG_IDLING, state.standingSince, speed, null, round(standing.toSeconds() / 60.0), false));
            }
        } else {
            state.standingSince = null;
            state.idlingReported = false;
        }
        return found;
    }

    /** Takes a tracker event of a vehicle: ignition changes and harsh braking or acceleration. */
    List<Detection> deviceEvent(String vehicleId, DeviceEvent event) {
        State state = vehicles.computeIfAbsent(vehicleId, k -> new State());
        switch (event.type()) {
            case DeviceEventTypes.IGNITION_ON -> state.ignitionOn = true;
            case DeviceEventTypes.IGNITION_OFF -> {
                state.ignitionOn = false;
                state.standingSince = null;
                state.idlingReported = false;
            }
            case DeviceEventTypes.HARSH_BRAKING, DeviceEventTypes.HARSH_ACCELERATION -> {
                state.trackerReportsHarsh = true;
                DriverEventType type = event.type().equals(DeviceEventTypes.HARSH_BRAKING) ? DriverEventType.HARSH_BRAKING
                        : DriverEventType.HARSH_ACCELERATION;
                return List.of(new Detection(type, event.time(), speed(event), null, null, true));
            }
            default -> {
                // Other device events carry no driving information.
            }
        }
        return List.of();
    }

    private static Double speed(DeviceEvent event) {
        String text = event.attributes().get("speedKmh");
        if (text == null) {
            return null;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
