package org.rescuegrid.driver.onvif.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;

/**
 * The checked form of {@link CameraDiscoveryConfig}. Every invalid value raises an
 * IllegalArgumentException that names the PID, the key, the value and the accepted form.
 *
 * @param announcementAddress null when announcements are not received
 * @param networkInterface null for the system default
 */
record CameraDiscoverySettings(InetSocketAddress announcementAddress, NetworkInterface networkInterface) {

    static final String PID = "org.rescuegrid.driver.onvif.discovery";

    static CameraDiscoverySettings from(CameraDiscoveryConfig config) {
        String address = config.announcementAddress() == null ? "" : config.announcementAddress().strip();
        String interfaceName = config.networkInterface() == null ? "" : config.networkInterface().strip();
        return new CameraDiscoverySettings(address.isEmpty() ? null : socketAddress("announcementAddress", address),
                interfaceName.isEmpty() ? null : networkInterface(interfaceName));
    }

    /** Parses HOST:PORT; {@code key} names the value in the error, such as a configuration key or a command option. */
    static InetSocketAddress socketAddress(String key, String value) {
        IllegalArgumentException invalid = new IllegalArgumentException(PID + ": invalid " + key + " '" + value
                + "', expected HOST:PORT such as 239.255.255.250:3702 or 127.0.0.1:37020");
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || !value.substring(colon + 1).matches("\\d{1,5}")) {
            throw invalid;
        }
        int port = Integer.parseInt(value.substring(colon + 1));
        if (port < 1 || port > 65535) {
            throw invalid;
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(value.substring(0, colon)), port);
        } catch (UnknownHostException e) {
            throw invalid;
        }
    }

    private static NetworkInterface networkInterface(String name) {
        try {
            NetworkInterface found = NetworkInterface.getByName(name);
            if (found != null) {
                return found;
            }
        } catch (SocketException e) {
            throw new IllegalArgumentException(PID + ": networkInterface '" + name + "' cannot be read: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException(PID + ": invalid networkInterface '" + name
                + "', expected the name of an interface of this host such as eth0, or empty for the default");
    }
}
