package org.rescuegrid.driver.gt06.internal;

import org.rescuegrid.driver.support.NettyListeners;

/** The listener configuration after validation; every rejected value is named with the accepted form. */
record Gt06DriverSettings(String host, int port, int maxFrameLength, int idleTimeoutSeconds, boolean acknowledgeLocation) {

    static final String PID = "org.rescuegrid.driver.gt06";

    static Gt06DriverSettings from(Gt06DriverConfig config) {
        String host = config.host() == null ? "" : config.host().strip();
        if (!NettyListeners.isBindableHost(host)) {
            throw invalid("host", host, NettyListeners.HOST_FORM);
        }
        requireRange("port", config.port(), 1, 65535);
        requireRange("maxFrameLength", config.maxFrameLength(), 64, 65540);
        requireRange("idleTimeoutSeconds", config.idleTimeoutSeconds(), 30, 86400);
        return new Gt06DriverSettings(host, config.port(), config.maxFrameLength(), config.idleTimeoutSeconds(),
                config.acknowledgeLocation());
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
