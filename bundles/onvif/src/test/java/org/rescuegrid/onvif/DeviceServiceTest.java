package org.rescuegrid.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeviceServiceTest {

    private FixtureCamera camera;

    @BeforeEach
    void start() throws Exception {
        camera = new FixtureCamera();
    }

    @AfterEach
    void stop() {
        camera.close();
    }

    @Test
    void systemDateAndTimeDecoded() throws Exception {
        SystemDateAndTime time = camera.connect(FixtureCamera.PASSWORD).device().getSystemDateAndTime();

        assertEquals("Manual", time.dateTimeType());
        assertTrue(time.daylightSavings());
        assertEquals("MoroccoStandardTime0", time.timeZone());
        assertEquals(Instant.parse("2014-12-24T19:14:37Z"), time.utcTime());
    }

    @Test
    void systemDateAndTimeSentWithoutToken() throws Exception {
        camera.connect(FixtureCamera.PASSWORD).device().getSystemDateAndTime();

        assertTrue(camera.lastRequest().path("Header", "Security").isEmpty());
    }

    @Test
    void skewedCameraRejectsUnsynchronizedToken() {
        OnvifConnection connection = camera.connect(FixtureCamera.PASSWORD);

        OnvifException failure = assertThrows(OnvifFaultException.class,
                () -> connection.device().getDeviceInformation());
        assertTrue(failure.isAuthenticationFailure());
    }

    @Test
    void skewedCameraAcceptsTokenAfterClockSync() throws Exception {
        OnvifConnection connection = camera.connect(FixtureCamera.PASSWORD);

        Duration offset = connection.device().synchronizeClock().orElseThrow();
        DeviceInformation info = connection.device().getDeviceInformation();

        Duration expected = Duration.between(Instant.now(), FixtureCamera.CAMERA_CLOCK_START);
        assertTrue(offset.minus(expected).abs().compareTo(Duration.ofSeconds(2)) < 0, "offset " + offset);
        assertEquals(offset, connection.clockOffset());
        assertEquals("Mockup Manufacturer", info.manufacturer());
        assertEquals("Mockup Model", info.model());
        assertEquals("Mockup_15_14_13", info.firmwareVersion());
        assertEquals("00000000", info.serialNumber());
        assertEquals("MOCKUP", info.hardwareId());
    }

    @Test
    void wrongPasswordIsAuthenticationFailure() throws Exception {
        OnvifConnection connection = camera.connect("not-the-password");
        connection.device().synchronizeClock();

        OnvifFaultException failure = assertThrows(OnvifFaultException.class,
                () -> connection.device().getDeviceInformation());
        assertTrue(failure.isAuthenticationFailure());
        assertEquals("env:Sender", failure.code());
        assertEquals(List.of("ter:NotAuthorized"), failure.subcodes());
        assertEquals("Sender not Authorized", failure.reason());
        assertEquals(400, failure.httpStatus());
    }

    @Test
    void capabilitiesRewrittenToReachedPort() throws Exception {
        OnvifConnection connection = camera.connect(FixtureCamera.PASSWORD);
        connection.device().synchronizeClock();

        Map<OnvifServiceType, URI> addresses = connection.device().loadServiceAddresses();

        URI services = URI.create("http://127.0.0.1:" + camera.port() + "/onvif/services");
        assertEquals(services, addresses.get(OnvifServiceType.DEVICE));
        assertEquals(services, addresses.get(OnvifServiceType.MEDIA));
        assertEquals(services, addresses.get(OnvifServiceType.PTZ));
        assertEquals(services, addresses.get(OnvifServiceType.EVENTS));
        assertEquals(services, addresses.get(OnvifServiceType.IMAGING));
        assertEquals(services, connection.serviceAddress(OnvifServiceType.MEDIA));
        assertTrue(connection.hasService(OnvifServiceType.PTZ));
    }

    @Test
    void encoderCapabilitiesRewritten() throws Exception {
        camera.respond("GetCapabilities", "GetCapabilitiesEncoder.xml");
        OnvifConnection connection = camera.connect(FixtureCamera.PASSWORD);
        connection.device().synchronizeClock();

        Map<OnvifServiceType, URI> addresses = connection.device().loadServiceAddresses();

        URI deviceService = URI.create("http://127.0.0.1:" + camera.port() + "/onvif/device_service");
        assertEquals(deviceService, addresses.get(OnvifServiceType.MEDIA));
        assertEquals(deviceService, addresses.get(OnvifServiceType.PTZ));
    }

    @Test
    void servicesListedWithVersions() throws Exception {
        OnvifConnection connection = camera.connect(FixtureCamera.PASSWORD);
        connection.device().synchronizeClock();

        List<ServiceInfo> services = connection.device().getServices();

        assertEquals(6, services.size());
        assertEquals("http://www.onvif.org/ver10/device/wsdl", services.get(0).namespace());
        assertEquals("2.42", services.get(0).version());
        assertEquals(URI.create("http://127.0.0.1:" + camera.port() + "/onvif/services"), services.get(0).address());
        assertEquals("http://www.onvif.org/ver20/imaging/wsdl", services.get(5).namespace());
        assertEquals("2.30", services.get(5).version());
    }
}
