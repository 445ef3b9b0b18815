package org.rescuegrid.onvif;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rescuegrid.onvif.internal.Namespace;
import org.rescuegrid.onvif.internal.XmlElement;
import org.rescuegrid.onvif.internal.XmlValues;

/** The ONVIF device service: clock, identity, capabilities and service addresses. */
public final class DeviceService {

    private static final String ACTION = "http://www.onvif.org/ver10/device/wsdl/";

    private final OnvifConnection connection;

    DeviceService(OnvifConnection connection) {
        this.connection = connection;
    }

    /** Reads the camera's clock without credentials, which ONVIF requires cameras to accept. */
    public SystemDateAndTime getSystemDateAndTime() throws OnvifException {
        XmlElement response = connection.callAnonymous(OnvifServiceType.DEVICE, ACTION + "GetSystemDateAndTime",
                writer -> writer.empty(Namespace.DEVICE, "GetSystemDateAndTime"));
        return readSystemDateAndTime(response);
    }

    /**
     * Measures the camera's clock offset and stores it in the connection, so that every later
     * UsernameToken carries the camera's time. The local time is taken halfway through the call;
     * the camera reports whole seconds, so the offset is accurate to about one second.
     *
     * @return the offset, or empty when the camera reports no UTC time (the offset stays as it was)
     */
    public Optional<Duration> synchronizeClock() throws OnvifException {
        Instant before = connection.localNow();
        SystemDateAndTime time = getSystemDateAndTime();
        Instant after = connection.localNow();
        if (time.utc().isEmpty()) {
            // TODO: derive UTC from LocalDateTime and the POSIX TimeZone for cameras that send only local time.
            return Optional.empty();
        }
        Instant middle = before.plus(Duration.between(before, after).dividedBy(2));
        Duration offset = Duration.between(middle, time.utcTime());
        connection.clockOffset(offset);
        return Optional.of(offset);
    }

    public DeviceInformation getDeviceInformation() throws OnvifException {
        XmlElement response = connection.call(OnvifServiceType.DEVICE, ACTION + "GetDeviceInformation",
                writer -> writer.empty(Namespace.DEVICE, "GetDeviceInformation"));
        return new DeviceInformation(
                response.text("Manufacturer").orElse(""),
                response.text("Model").orElse(""),
                response.text("FirmwareVersion").orElse(""),
                response.text("SerialNumber").orElse(""),
                response.text("HardwareId").orElse(""));
    }

    /** Returns the service addresses that GetCapabilities announces, rewritten to the camera's reachable host. */
    public Map<OnvifServiceType, URI> getCapabilities() throws OnvifException {
        XmlElement response = connection.call(OnvifServiceType.DEVICE, ACTION + "GetCapabilities",
                writer -> writer.start(Namespace.DEVICE, "GetCapabilities")
                        .element(Namespace.DEVICE, "Category", "All").end());
        XmlElement capabilities = response.child("Capabilities")
                .orElseThrow(() -> new OnvifException("GetCapabilitiesResponse has no Capabilities"));
        Map<OnvifServiceType, URI> addresses = new EnumMap<>(OnvifServiceType.class);
        for (OnvifServiceType type : OnvifServiceType.values()) {
            if (type.capabilityElement() == null) {
                continue;
            }
            Optional<String> address = capabilities.text(type.capabilityElement(), "XAddr");
            if (address.isPresent() && !address.get().isEmpty()) {
                addresses.put(type, connection.rewriter().rewriteService(address.get()));
            }
        }
        return addresses;
    }

    /** Returns the services that GetServices lists, with rewritten addresses. */
    public List<ServiceInfo> getServices() throws OnvifException {
        XmlElement response = connection.call(OnvifServiceType.DEVICE, ACTION + "GetServices",
                writer -> writer.start(Namespace.DEVICE, "GetServices")
                        .element(Namespace.DEVICE, "IncludeCapability", "false").end());
        List<ServiceInfo> services = new ArrayList<>();
        for (XmlElement service : response.children("Service")) {
            String version = service.text("Version", "Major").orElse("?") + "."
                    + service.text("Version", "Minor").orElse("?");
            services.add(new ServiceInfo(service.requiredText("Namespace"),
                    connection.rewriter().rewriteService(service.requiredText("XAddr")), version));
        }
        return services;
    }

    /**
     * Loads the service addresses from GetCapabilities into the connection, so that media, PTZ and
     * event calls go to the right address. GetCapabilities is used rather than GetServices because
     * every Profile S camera implements it, including those older than ONVIF 2.0.
     */
    public Map<OnvifServiceType, URI> loadServiceAddresses() throws OnvifException {
        Map<OnvifServiceType, URI> addresses = getCapabilities();
        connection.serviceAddresses(addresses);
        return addresses;
    }

    /**
     * Looks for the media2 service in GetServices and, when the camera offers it, adds its address
     * to the connection. Call it after {@link #loadServiceAddresses()}, which replaces all addresses.
     *
     * @return the media2 address, or empty when the camera has no media2 service
     */
    public Optional<URI> loadMedia2Address() throws OnvifException {
        for (ServiceInfo service : getServices()) {
            if (service.namespace().equals(OnvifServiceType.MEDIA2.namespace())) {
                connection.serviceAddress(OnvifServiceType.MEDIA2, service.address());
                return Optional.of(service.address());
            }
        }
        return Optional.empty();
    }

    static SystemDateAndTime readSystemDateAndTime(XmlElement response) throws OnvifException {
        XmlElement time = response.child("SystemDateAndTime")
                .orElseThrow(() -> new OnvifException("GetSystemDateAndTimeResponse has no SystemDateAndTime"));
        Optional<XmlElement> utc = time.child("UTCDateTime");
        Instant utcTime = utc.isPresent() ? readUtcDateTime(utc.get()) : null;
        Optional<String> daylightSavings = time.text("DaylightSavings");
        return new SystemDateAndTime(time.text("DateTimeType").orElse(""),
                daylightSavings.isPresent() && XmlValues.bool(daylightSavings.get()),
                time.text("TimeZone", "TZ").orElse(""), utcTime);
    }

    private static Instant readUtcDateTime(XmlElement utc) throws OnvifException {
        try {
            LocalDate date = LocalDate.of(
                    XmlValues.integer(utc.requiredText("Date", "Year")),
                    XmlValues.integer(utc.requiredText("Date", "Month")),
                    XmlValues.integer(utc.requiredText("Date", "Day")));
            LocalTime clockTime = LocalTime.of(
                    XmlValues.integer(utc.requiredText("Time", "Hour")),
                    XmlValues.integer(utc.requiredText("Time", "Minute")),
                    XmlValues.integer(utc.requiredText("Time", "Second")));
            return date.atTime(clockTime).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new OnvifException("camera reported an invalid UTCDateTime: " + e.getMessage(), e);
        }
    }
}
