package org.rescuegrid.driver.nmea.internal;

import org.rescuegrid.driver.nmea.internal.decoder.RegistrationLine;
import org.rescuegrid.driver.support.NettyListeners;

/** The listener configuration after validation; every rejected value is named with the accepted form. */
record NmeaDriverSettings(String host, int port, String fixedDeviceId, String registrationPrefix, int maxFrameLength,
        int idleTimeoutSeconds) {

    static final String PID = "org.rescuegrid.driver.nmea";

    static NmeaDriverSettings from(NmeaDriverConfig config) {
        String host = config.host() == null ? "" : config.host().strip();
        if (!NettyListeners.isBindableHost(host)) {
            throw invalid("host", host, NettyListeners.HOST_FORM);
        }
        requireRange("port", config.port(), 1, 65535);
        requireRange("maxFrameLength", config.maxFrameLength(), 82, 65536);
        requireRange("idleTimeoutSeconds", config.idleTimeoutSeconds(), 5, 86400);

        String identification = config.identification() == null ? "" : config.identification().strip();
        switch (identification) {
            case "port" -> {
                String deviceId = config.deviceId() == null ? "" : config.deviceId().strip();
                if (!RegistrationLine.DEVICE_ID.matcher(deviceId).matches()) {
                    throw invalid("deviceId", deviceId, "1-64 letters, digits, '.', '_', ':' or '-', because identification is 'port'");
                }
                return new NmeaDriverSettings(host, config.port(), deviceId, null, config.maxFrameLength(), config.idleTimeoutSeconds());
            }
            case "registration" -> {
                String prefix = config.registrationPrefix();
                if (prefix == null || prefix.isBlank()) {
                    throw invalid("registrationPrefix", String.valueOf(prefix), "the text that starts the registration line, such as $RGREG,");
                }
                return new NmeaDriverSettings(host, config.port(), null, prefix, config.maxFrameLength(), config.idleTimeoutSeconds());
            }
            default -> throw invalid("identification", identification, "'port' or 'registration'");
        }
    }

    boolean identifiedByPort() {
        return fixedDeviceId != null;
    }

    String endpoint() {
        return "tcp://" + host + ":" + port;
    }

    private static void requireRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw invalid(key, String.valueOf(value), "a whole number from " + min + " to " + max);
        }
    }

    private static IllegalArgumentException invalid(String key, String value, String expected) {
        return new IllegalArgumentException(PID + ": " + key + "='" + value + "' is invalid; set " + expected);
    }
}
