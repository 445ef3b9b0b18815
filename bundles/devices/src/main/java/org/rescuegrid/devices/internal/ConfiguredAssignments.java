package org.rescuegrid.devices.internal;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code assignments} of {@code etc/org.rescuegrid.devices.cfg}. A component of its own, so that a typo in
 * the file disables the assignments alone while the registry, and with it every driver, keeps running.
 */
@Component(service = VehicleAssignments.class, configurationPid = "org.rescuegrid.devices", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DevicesConfig.class)
public class ConfiguredAssignments implements VehicleAssignments {

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredAssignments.class);

    private final Map<String, String> byDevice;

    @Activate
    public ConfiguredAssignments(DevicesConfig config) {
        this.byDevice = Assignments.parse(config.assignments());
        LOG.info("{} vehicle assignments configured", byDevice.size());
    }

    @Override
    public Map<String, String> byDevice() {
        return byDevice;
    }
}
