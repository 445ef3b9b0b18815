package org.rescuegrid.api.config;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The {@link ConfigProblem} services of one component, replaced as a whole on every configuration change,
 * so that {@code rescue:config-problems} lists exactly the values the component rejected last.
 */
public final class ConfigProblemRegistrations {

    private final BundleContext context;
    private final List<ServiceRegistration<ConfigProblem>> registrations = new ArrayList<>();

    /** @param context the component's bundle context, or null outside OSGi, where nothing is registered */
    public ConfigProblemRegistrations(BundleContext context) {
        this.context = context;
    }

    /** Registers each problem as a service, after unregistering the previous ones. */
    public synchronized void replace(List<ConfigProblem> problems) {
        close();
        if (context == null) {
            return;
        }
        for (ConfigProblem problem : problems) {
            registrations.add(context.registerService(ConfigProblem.class, problem, null));
        }
    }

    /** Unregisters every problem. */
    public synchronized void close() {
        for (ServiceRegistration<ConfigProblem> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // Already unregistered because the bundle is stopping.
            }
        }
        registrations.clear();
    }
}
