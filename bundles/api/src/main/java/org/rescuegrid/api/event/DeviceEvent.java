package org.rescuegrid.api.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Something a device reported that is not a position: an ignition change, a panic button, a radio's
 * status change, a camera's motion alarm. Drivers put the details that vary by kind in {@code attributes}.
 *
 * @param deviceId device that reported the event
 * @param type event type, one of {@link DeviceEventTypes} or a driver's own in the same dotted form
 * @param time UTC time of the event as the device reported it, or of its reception if the device sent none
 * @param attributes details such as {@code speedKmh}, {@code statusCode} or {@code topic}; never null
 */
public record DeviceEvent(String deviceId, String type, Instant time, Map<String, String> attributes) {

    /** Form of event types: lower-case words separated by dots or dashes, at most 64 characters. */
    public static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*");

    public DeviceEvent {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(time, "time");
        if (type == null || type.length() > 64 || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("event type '" + type + "' is invalid; use lower-case dotted words such as radio.status");
        }
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
