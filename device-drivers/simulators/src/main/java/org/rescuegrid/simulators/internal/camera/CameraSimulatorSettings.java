package org.rescuegrid.simulators.internal.camera;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The checked form of {@link CameraSimulatorConfig}. Every invalid value raises an
 * IllegalArgumentException that names the PID, the key, the value and the accepted form.
 */
record CameraSimulatorSettings(String name, InetAddress host, int port, String username, String password,
        Duration clockSkew, Duration motionInterval, Behaviour behaviour, int discoveryPort, InetSocketAddress announceTo) {

    static final String PID = "org.rescuegrid.simulator.onvif";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Duration MAX_SKEW = Duration.ofDays(3653);

    /** What the simulated camera does with requests, so tests can reproduce broken cameras. */
    enum Behaviour {
        NORMAL, FAULT, SILENT
    }

    static CameraSimulatorSettings from(CameraSimulatorConfig config) {
        String name = config.name() == null ? "" : config.name().strip();
        if (!NAME.matcher(name).matches()) {
            throw invalid("name", name, "1 to 64 characters from A-Z, a-z, 0-9, '.', '_', ':' and '-'");
        }
        InetAddress host = loopback(config.host());
        if (config.port() < 1 || config.port() > 65535) {
            throw invalid("port", Integer.toString(config.port()), "a TCP port from 1 to 65535");
        }
        if (config.username() == null || config.username().isBlank()) {
            throw invalid("username", String.valueOf(config.username()), "a non-empty user name");
        }
        if (config.password() == null || config.password().isEmpty()) {
            throw new IllegalArgumentException(PID + ": password is missing, expected a non-empty password");
        }
        Duration skew = Duration.ofSeconds(config.clockSkewSeconds());
        if (skew.abs().compareTo(MAX_SKEW) > 0) {
            throw invalid("clockSkewSeconds", Long.toString(config.clockSkewSeconds()),
                    "seconds from -" + MAX_SKEW.toSeconds() + " to " + MAX_SKEW.toSeconds());
        }
        if (config.motionIntervalSeconds() < 0 || config.motionIntervalSeconds() > 86_400) {
            throw invalid("motionIntervalSeconds", Integer.toString(config.motionIntervalSeconds()),
                    "seconds from 0 (no events) to 86400");
        }
        if (config.discoveryPort() < 0 || config.discoveryPort() > 65535) {
            throw invalid("discoveryPort", Integer.toString(config.discoveryPort()), "a UDP port from 1 to 65535, or 0 for none");
        }
        return new CameraSimulatorSettings(name, host, config.port(), config.username().strip(), config.password(),
                skew, Duration.ofSeconds(config.motionIntervalSeconds()), behaviour(config.behaviour()),
                config.discoveryPort(), announceTo(config.announceTo()));
    }

    /** Returns true when the camera needs a discovery socket, to reply to probes or to announce itself. */
    boolean discovery() {
        return discoveryPort > 0 || announceTo != null;
    }

    private static InetSocketAddress announceTo(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return null;
        }
        String form = "HOST:PORT with a loopback host, such as 127.0.0.1:3702, or empty for none";
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || !value.substring(colon + 1).matches("\\d{1,5}")) {
            throw invalid("announceTo", value, form);
        }
        int port = Integer.parseInt(value.substring(colon + 1));
        if (port < 1 || port > 65535) {
            throw invalid("announceTo", value, form);
        }
        try {
            InetAddress address = InetAddress.getByName(value.substring(0, colon));
            if (!address.isLoopbackAddress()) {
                throw invalid("announceTo", value, form);
            }
            return new InetSocketAddress(address, port);
        } catch (UnknownHostException e) {
            throw invalid("announceTo", value, form);
        }
    }

    private static InetAddress loopback(String text) {
        String value = text == null ? "" : text.strip();
        try {
            InetAddress address = InetAddress.getByName(value);
            if (!address.isLoopbackAddress()) {
                throw invalid("host", value, "a loopback address such as 127.0.0.1");
            }
            return address;
        } catch (UnknownHostException e) {
            throw invalid("host", value, "a loopback address such as 127.0.0.1");
        }
    }

    private static Behaviour behaviour(String text) {
        String value = text == null ? "" : text.strip();
        try {
            return Behaviour.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("behaviour", value, "normal, fault or silent");
        }
    }

    private static IllegalArgumentException invalid(String key, String value, String form) {
        return new IllegalArgumentException(PID + ": invalid " + key + " '" + value + "', expected " + form);
    }

    @Override
    public String toString() {
        return "CameraSimulatorSettings[name=" + name + ", host=" + host.getHostAddress() + ", port=" + port
                + ", username=" + username + ", clockSkew=" + clockSkew + ", motionInterval=" + motionInterval
                + ", behaviour=" + behaviour + ", discoveryPort=" + discoveryPort + ", announceTo=" + announceTo + "]";
    }
}
