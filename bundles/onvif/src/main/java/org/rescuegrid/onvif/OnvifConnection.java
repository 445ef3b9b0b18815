package org.rescuegrid.onvif;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.rescuegrid.onvif.internal.AddressRewriter;
import org.rescuegrid.onvif.internal.Futures;
import org.rescuegrid.onvif.internal.SoapBody;
import org.rescuegrid.onvif.internal.SoapTransport;
import org.rescuegrid.onvif.internal.UsernameToken;
import org.rescuegrid.onvif.internal.XmlElement;

/**
 * The state shared by the service clients of one camera: its device service address, credentials,
 * the measured offset of its clock, and the addresses of its other services. It is safe for use
 * from several threads, and the service clients ({@link #device()}, {@link #media()}, {@link #ptz()},
 * {@link #events()}) hold no state of their own.
 *
 * <p>Typical use: {@code OnvifConnection.create(...)}, then {@link DeviceService#synchronizeClock()}
 * and {@link DeviceService#loadServiceAddresses()} before calling the other services.
 */
public final class OnvifConnection {

    private final URI deviceAddress;
    private final String username;
    private final String password;
    private final SoapTransport transport;
    private final AddressRewriter rewriter;
    private final Clock clock;
    private final Duration timeout;
    private final Map<OnvifServiceType, URI> serviceAddresses = new EnumMap<>(OnvifServiceType.class);
    private volatile Duration clockOffset = Duration.ZERO;

    private OnvifConnection(URI deviceAddress, String username, String password, HttpClient httpClient,
            Duration timeout, Clock clock) {
        this.deviceAddress = deviceAddress;
        this.username = username;
        this.password = password;
        this.transport = new SoapTransport(httpClient, timeout);
        this.rewriter = new AddressRewriter(deviceAddress);
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * Creates a connection without sending anything to the camera.
     *
     * @param deviceAddress the device service, such as {@code http://10.1.2.3/onvif/device_service}
     * @param username empty to send no UsernameToken
     * @param httpClient shared by all cameras of a caller, because the client starts no thread of its own
     * @param timeout per request
     */
    public static OnvifConnection create(URI deviceAddress, String username, String password, HttpClient httpClient,
            Duration timeout) {
        return create(deviceAddress, username, password, httpClient, timeout, Clock.systemUTC());
    }

    /** Creates a connection that reads the local time from {@code clock}, for tests. */
    public static OnvifConnection create(URI deviceAddress, String username, String password, HttpClient httpClient,
            Duration timeout, Clock clock) {
        Objects.requireNonNull(deviceAddress, "deviceAddress");
        if (deviceAddress.getHost() == null || !"http".equals(deviceAddress.getScheme())
                && !"https".equals(deviceAddress.getScheme())) {
            throw new IllegalArgumentException("invalid ONVIF device address '" + deviceAddress
                    + "', expected an http or https URI such as http://10.1.2.3/onvif/device_service");
        }
        return new OnvifConnection(deviceAddress, Objects.requireNonNull(username, "username"),
                Objects.requireNonNull(password, "password"), httpClient, timeout, clock);
    }

    public URI deviceAddress() {
        return deviceAddress;
    }

    /** Returns the timeout of each request. */
    public Duration requestTimeout() {
        return timeout;
    }

    /** Returns the camera's clock minus the local clock, zero until measured. */
    public Duration clockOffset() {
        return clockOffset;
    }

    /** Sets the offset that UsernameTokens are stamped with, as measured by {@link DeviceService#synchronizeClock()}. */
    public void clockOffset(Duration offset) {
        this.clockOffset = Objects.requireNonNull(offset);
    }

    /** Returns the address of a service, or the device service address until addresses are loaded. */
    public URI serviceAddress(OnvifServiceType type) {
        synchronized (serviceAddresses) {
            return serviceAddresses.getOrDefault(type, deviceAddress);
        }
    }

    /** Returns true when the camera announced the service in GetCapabilities or GetServices. */
    public boolean hasService(OnvifServiceType type) {
        synchronized (serviceAddresses) {
            return serviceAddresses.containsKey(type);
        }
    }

    void serviceAddress(OnvifServiceType type, URI address) {
        synchronized (serviceAddresses) {
            serviceAddresses.put(type, address);
        }
    }

    void serviceAddresses(Map<OnvifServiceType, URI> addresses) {
        synchronized (serviceAddresses) {
            serviceAddresses.clear();
            serviceAddresses.putAll(addresses);
        }
    }

    public DeviceService device() {
        return new DeviceService(this);
    }

    public MediaService media() {
        return new MediaService(this);
    }

    public PtzService ptz() {
        return new PtzService(this);
    }

    public Media2Service media2() {
        return new Media2Service(this);
    }

    public EventService events() {
        return new EventService(this);
    }

    Instant localNow() {
        return clock.instant();
    }

    AddressRewriter rewriter() {
        return rewriter;
    }

    /** Calls a service with a UsernameToken stamped with the camera's time. */
    XmlElement call(OnvifServiceType service, String action, SoapBody body) throws OnvifException {
        return call(serviceAddress(service), action, body, null);
    }

    XmlElement call(URI address, String action, SoapBody body, String addressingTo) throws OnvifException {
        return Futures.await(callAsync(address, action, body, addressingTo));
    }

    /** Sends a call without blocking. The UsernameToken is stamped with the camera's time when the request is written. */
    CompletableFuture<XmlElement> callAsync(URI address, String action, SoapBody body, String addressingTo) {
        UsernameToken token = username.isEmpty()
                ? null
                : UsernameToken.create(username, password, clock.instant().plus(clockOffset));
        return transport.callAsync(address, action, body, token, addressingTo);
    }

    /** Calls a service without credentials, as ONVIF allows for GetSystemDateAndTime. */
    XmlElement callAnonymous(OnvifServiceType service, String action, SoapBody body) throws OnvifException {
        return transport.call(serviceAddress(service), action, body, null, null);
    }

    @Override
    public String toString() {
        return "OnvifConnection[" + deviceAddress + ", user=" + username + "]";
    }
}
