package org.rescuegrid.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.rescuegrid.api.config.ConfigProblem;

class ComponentProblemTest {

    // The shape Felix SCR writes into ComponentConfigurationDTO.failure when activate() throws.
    private static final String FAILURE = """
            org.osgi.service.component.ComponentException: java.lang.IllegalArgumentException: org.rescuegrid.uplink: hqUrl 'ftp://hq' is invalid; write an http:// or https:// URL
            \tat org.apache.felix.scr.impl.inject.methods.ActivateMethod.invoke(ActivateMethod.java:128)
            \tat org.apache.felix.scr.impl.manager.SingleComponentManager.createImplementationObject(SingleComponentManager.java:286)
            Caused by: java.lang.IllegalArgumentException: org.rescuegrid.uplink: hqUrl 'ftp://hq' is invalid; write an http:// or https:// URL
            \tat org.rescuegrid.uplink.internal.UplinkSettings.from(UplinkSettings.java:61)
            \t... 40 more
            """;

    @Test
    void failedActivationShowsSettingsSentence() {
        ComponentConfigurationDTO configuration = new ComponentConfigurationDTO();
        configuration.state = ComponentConfigurationDTO.FAILED_ACTIVATION;
        configuration.failure = FAILURE;
        configuration.properties = Map.of("service.pid", "org.rescuegrid.uplink");

        ComponentProblem problem = ComponentProblem.of("org.rescuegrid.uplink.internal.UplinkRoutes", configuration);

        assertEquals("failed", problem.state());
        assertEquals("org.rescuegrid.uplink", problem.pid());
        assertEquals("org.rescuegrid.uplink: hqUrl 'ftp://hq' is invalid; write an http:// or https:// URL", problem.reason());
    }

    @Test
    void unexpectedExceptionKeepsType() {
        String reason = ComponentProblem.failureReason("java.lang.IllegalStateException: pool closed\n\tat a.b.C.d(C.java:1)");

        assertEquals("java.lang.IllegalStateException: pool closed", reason);
    }

    @Test
    void missingServiceNamedWithTarget() {
        UnsatisfiedReferenceDTO reference = new UnsatisfiedReferenceDTO();
        reference.name = "dataSource";
        reference.target = "(dataSourceName=rescuegrid)";
        ComponentConfigurationDTO configuration = new ComponentConfigurationDTO();
        configuration.state = ComponentConfigurationDTO.UNSATISFIED_REFERENCE;
        configuration.unsatisfiedReferences = new UnsatisfiedReferenceDTO[] {reference};

        ComponentProblem problem = ComponentProblem.of("org.rescuegrid.store.internal.StoreDatabase", configuration);

        assertEquals("waiting", problem.state());
        assertEquals("-", problem.pid());
        assertEquals("needs dataSource (dataSourceName=rescuegrid)", problem.reason());
    }

    @Test
    void activeComponentIsNoProblem() {
        ComponentConfigurationDTO configuration = new ComponentConfigurationDTO();
        configuration.state = ComponentConfigurationDTO.ACTIVE;

        assertNull(ComponentProblem.of("org.rescuegrid.bus.internal.PlatformCamelContext", configuration));
    }

    @Test
    void rejectedValueNamesKeyAndForm() {
        ConfigProblem rejected = new ConfigProblem("org.rescuegrid.bus", "httpMaxBodyBytes", "lots", "a whole number from 65536 to 268435456",
                "keeps httpMaxBodyBytes=8388608 from its previous or default settings");

        ComponentProblem problem = ComponentProblem.of("org.rescuegrid.bus", rejected);

        assertEquals("org.rescuegrid.bus", problem.pid());
        assertEquals("running, value rejected", problem.state());
        assertEquals("org.rescuegrid.bus: httpMaxBodyBytes='lots' is invalid; set a whole number from 65536 to 268435456."
                + " The component keeps httpMaxBodyBytes=8388608 from its previous or default settings.", problem.reason());
    }
}
