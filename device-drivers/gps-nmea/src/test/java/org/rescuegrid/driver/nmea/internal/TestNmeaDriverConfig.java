package org.rescuegrid.driver.nmea.internal;

import java.lang.annotation.Annotation;

/** An {@link NmeaDriverConfig} as DS would build it from a .cfg file, with one method per key to change. */
record TestNmeaDriverConfig(String host, int port, String identification, String deviceId, String registrationPrefix,
        int maxFrameLength, int idleTimeoutSeconds) implements NmeaDriverConfig {

    /** Returns the annotation's defaults: registration lines on 127.0.0.1:5010. */
    static TestNmeaDriverConfig defaults() {
        return new TestNmeaDriverConfig("127.0.0.1", 5010, "registration", "", "$RGREG,", 512, 120);
    }

    /** Returns a configuration that gives every connection the fixed device id. */
    static TestNmeaDriverConfig port(String deviceId) {
        return defaults().withIdentification("port").withDeviceId(deviceId);
    }

    TestNmeaDriverConfig withHost(String value) {
        return new TestNmeaDriverConfig(value, port, identification, deviceId, registrationPrefix, maxFrameLength, idleTimeoutSeconds);
    }

    TestNmeaDriverConfig withPort(int value) {
        return new TestNmeaDriverConfig(host, value, identification, deviceId, registrationPrefix, maxFrameLength, idleTimeoutSeconds);
    }

    TestNmeaDriverConfig withIdentification(String value) {
        return new TestNmeaDriverConfig(host, port, value, deviceId, registrationPrefix, maxFrameLength, idleTimeoutSeconds);
    }

    TestNmeaDriverConfig withDeviceId(String value) {
        return new TestNmeaDriverConfig(host, port, identification, value, registrationPrefix, maxFrameLength, idleTimeoutSeconds);
    }

    TestNmeaDriverConfig withRegistrationPrefix(String value) {
        return new TestNmeaDriverConfig(host, port, identification, deviceId, value, maxFrameLength, idleTimeoutSeconds);
    }

    TestNmeaDriverConfig withMaxFrameLength(int value) {
        return new TestNmeaDriverConfig(host, port, identification, deviceId, registrationPrefix, value, idleTimeoutSeconds);
    }

    TestNmeaDriverConfig withIdleTimeoutSeconds(int value) {
        return new TestNmeaDriverConfig(host, port, identification, deviceId, registrationPrefix, maxFrameLength, value);
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return NmeaDriverConfig.class;
    }
}
