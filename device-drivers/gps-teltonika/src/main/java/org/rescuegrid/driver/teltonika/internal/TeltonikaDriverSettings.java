package org.rescuegrid.driver.teltonika.internal;

import org.rescuegrid.driver.support.NettyListeners;

/** The listener configuration after validation; every rejected value is named with the accepted form. */
record TeltonikaDriverSettings(String host, int port, int maxFrameLength, int idleTimeoutSeconds, int udpPort) {

    static final String PID = "org.rescuegrid.driver.teltonika";

    /** Creates settings without a UDP listener. */
    TeltonikaDriverSettings(String host, int port, int maxFrameLength, int idleTimeoutSeconds) {
        this(host, port, maxFrameLength, idleTimeoutSeconds, 0);
    }

    static TeltonikaDriverSettings from(TeltonikaDriverConfig config) {
        String host = config.host() == null ? "" : config.host().strip();
        if (!NettyListeners.isBindableHost(host)) {
            throw invalid("host", host, NettyListeners.HOST_FORM);
        }
        requireRange("port", config.port(), 1, 65535);
        requireRange("maxFrameLength", config.maxFrameLength(), 64, 1_048_576);
        requireRange("idleTimeoutSeconds", config.idleTimeoutSeconds(), 30, 86400);
        if (config.udpPort() < 0 || config.udpPort() > 65535) {
            throw invalid("udpPort", String.valueOf(config.udpPort()), "0 for no UDP listener, or a port from 1 to 65535");
        }
        return new TeltonikaDriverSettings(host, config.port(), config.maxFrameLength(), config.idleTimeoutSeconds(), config.udpPort());
    }

    String endpoint() {
        return "tcp://" + host + ":" + port;
    }

    boolean udpEnabled() {
        return udpPort != 0;
    }

    String udpEndpoint() {
        return "udp://" + host + ":" + udpPort;
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
