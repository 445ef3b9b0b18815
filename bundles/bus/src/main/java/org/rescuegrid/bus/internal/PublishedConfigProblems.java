package org.rescuegrid.bus.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.rescuegrid.api.config.ConfigProblem;
import org.slf4j.Logger;

/** The {@link ConfigProblem} services of one component, replaced as a whole on every configuration change. */
final class PublishedConfigProblems {

    private final BundleContext context;
    private final List<ServiceRegistration<ConfigProblem>> registrations = new ArrayList<>();

    PublishedConfigProblems(BundleContext context) {
        this.context = context;
    }

    /** Logs each problem at ERROR and registers it as a service, after unregistering the previous ones. */
    synchronized void replace(List<ConfigProblem> problems, Logger log) {
        close();
        for (ConfigProblem problem : problems) {
            log.error("{}", problem.sentence());
            if (context != null) {
                registrations.add(context.registerService(ConfigProblem.class, problem, null));
            }
        }
    }

    synchronized void close() {
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
