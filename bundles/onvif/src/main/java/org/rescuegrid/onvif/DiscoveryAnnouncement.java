package org.rescuegrid.onvif;

/**
 * A WS-Discovery Hello (a device joined the network) or Bye (it is leaving).
 *
 * @param hello true for Hello, false for Bye
 */
public record DiscoveryAnnouncement(boolean hello, DiscoveredDevice device) {
}
