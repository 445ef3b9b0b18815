package org.rescuegrid.devices.internal;

import java.lang.annotation.Annotation;

/** A {@link DevicesConfig} as DS would build it from a .cfg file. */
record TestDevicesConfig(String[] assignments) implements DevicesConfig {

    static TestDevicesConfig of(String... assignments) {
        return new TestDevicesConfig(assignments);
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return DevicesConfig.class;
    }
}
