package org.rescuegrid.frontoffice.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.rescuegrid.api.bus.BusEndpoints;
import org.rescuegrid.api.device.DeviceRegistry;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.Vehicle;

/**
 * Plays a scenario into a running node: fixes go through the bus and the store like a tracker's, under a
 * device {@code SCN-<vehicle>} assigned to each vehicle, and the front office's clock follows the scenario.
 * {@link #close()} releases the clock; {@link #stop()} makes the next step of a running player fail.
 */
public final class BusTarget implements ScenarioTarget, AutoCloseable {

    private static final Duration FIX_TIMEOUT = Duration.ofSeconds(30);

    private final FrontOfficeService frontOffice;
    private final SimulatedTime time;
    private final DeviceRegistry devices;
    private final ProducerTemplate producer;
    private final Map<String, String> deviceOf = new HashMap<>();
    private volatile boolean stopped;

    public BusTarget(FrontOfficeService frontOffice, SimulatedTime time, DeviceRegistry devices, CamelContext camel) {
        this.frontOffice = frontOffice;
        this.time = time;
        this.devices = devices;
        this.producer = camel.createProducerTemplate();
    }

    @Override
    public FrontOfficeService frontOffice() {
        return frontOffice;
    }

    @Override
    public void advanceTo(Instant instant) {
        if (stopped) {
            throw new IllegalStateException("scenario stopped");
        }
        time.set(instant);
    }

    @Override
    public void position(String vehicleId, PositionFix fix) {
        String deviceId = deviceOf.computeIfAbsent(vehicleId, v -> {
            String id = "SCN-" + v;
            devices.connected(id, "scenario");
            devices.assign(id, v);
            return id;
        });
        producer.requestBody(BusEndpoints.POSITION, fix.withDeviceId(deviceId));
        long deadline = System.nanoTime() + FIX_TIMEOUT.toNanos();
        while (!taken(vehicleId, fix.fixTime())) {
            if (stopped || System.nanoTime() > deadline) {
                throw new IllegalStateException("the front office did not take the fix of " + vehicleId + " at " + fix.fixTime() + " within "
                        + FIX_TIMEOUT.toSeconds() + " s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the front office to take a fix", e);
            }
        }
    }

    private boolean taken(String vehicleId, Instant fixTime) {
        for (Vehicle vehicle : frontOffice.vehicles()) {
            if (vehicle.vehicleId().equals(vehicleId)) {
                return vehicle.lastFixTime() != null && !vehicle.lastFixTime().isBefore(fixTime);
            }
        }
        return true;
    }

    /** Makes the player's next clock move or fix fail, so a running scenario ends early. */
    public void stop() {
        stopped = true;
    }

    /** Returns whether {@link #stop()} was called. */
    public boolean stopped() {
        return stopped;
    }

    @Override
    public void close() throws Exception {
        time.release();
        producer.stop();
    }
}
