package org.rescuegrid.frontoffice.internal;

import java.util.Locale;
import java.util.Optional;

import org.rescuegrid.api.device.DeviceInfo;
import org.rescuegrid.api.device.DeviceRegistry;
import org.rescuegrid.api.radio.RadioMessenger;
import org.rescuegrid.frontoffice.Incident;
import org.rescuegrid.frontoffice.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a confirmed dispatch to the radio of the vehicle, where the device registry assigns a radio to it
 * and a connected gateway carries that radio. A failure is logged and does not undo the dispatch, because
 * the operator also tells the crew by voice.
 */
final class DispatchRadio {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchRadio.class);

    private DispatchRadio() {
    }

    /**
     * Sends the dispatch message and returns the radio that confirmed it, or empty when the vehicle has no
     * reachable radio, the node has no radio driver or the gateway failed.
     */
    static Optional<String> send(Incident incident, String vehicleId, DeviceRegistry registry, RadioMessenger messenger) {
        if (registry == null || messenger == null) {
            return Optional.empty();
        }
        Optional<String> radio = registry.list().stream()
                .filter(device -> vehicleId.equals(device.vehicleId()))
                .map(DeviceInfo::deviceId)
                .filter(messenger::reaches)
                .findFirst();
        if (radio.isEmpty()) {
            LOG.debug("incident={} vehicle={} has no radio on a connected gateway; dispatch not sent by radio", incident.incidentId(), vehicleId);
            return Optional.empty();
        }
        String text = message(incident);
        try {
            messenger.sendText(radio.get(), text);
            LOG.info("incident={} vehicle={} device={} dispatch sent by radio", incident.incidentId(), vehicleId, radio.get());
            return radio;
        } catch (IllegalArgumentException | IllegalStateException e) {
            LOG.warn("incident={} vehicle={} device={} dispatch could not be sent by radio; tell the crew by voice: {}", incident.incidentId(),
                    vehicleId, radio.get(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Returns the dispatch text, cut to the radio's maximum length: incident, type, place and people affected. */
    static String message(Incident incident) {
        Location place = incident.location();
        String coordinates = String.format(Locale.ROOT, "%.5f,%.5f", place.latitude(), place.longitude());
        String where = place.landmark() == null ? coordinates : place.landmark() + " " + coordinates;
        String text = "DISPATCH " + incident.incidentId() + " " + incident.type().label() + " at " + where
                + (incident.peopleAffected() > 0 ? ", " + incident.peopleAffected() + " affected" : "")
                + (incident.note() == null ? "" : ". " + incident.note());
        return text.length() <= RadioMessenger.MAX_TEXT_LENGTH ? text : text.substring(0, RadioMessenger.MAX_TEXT_LENGTH);
    }
}
