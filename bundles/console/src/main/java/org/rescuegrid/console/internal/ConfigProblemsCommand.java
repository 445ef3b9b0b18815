package org.rescuegrid.console.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.rescuegrid.api.config.ConfigProblem;

@Command(scope = "rescue", name = "config-problems",
        description = "Lists RescueGrid components that rejected their configuration or wait for a missing service, and configuration"
                + " values that a running component rejected, with the reason in one line.")
@Service
public class ConfigProblemsCommand implements Action {

    private static final String OWN_BUNDLES = "org.rescuegrid.";

    @Reference
    ServiceComponentRuntime runtime;

    @Reference
    BundleContext bundleContext;

    @Option(name = "--all", description = "Include components of every bundle, not only RescueGrid's")
    boolean all;

    @Override
    public Object execute() {
        List<ComponentProblem> problems = new ArrayList<>();
        for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs()) {
            if (!all && !description.bundle.symbolicName.startsWith(OWN_BUNDLES)) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
                ComponentProblem problem = ComponentProblem.of(description.name, configuration);
                if (problem != null) {
                    problems.add(problem);
                }
            }
        }

        problems.addAll(rejectedValues());

        if (problems.isEmpty()) {
            System.out.println("No configuration problems: every configured component is active.");
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("Component");
        table.column("PID");
        table.column("State");
        table.column("Reason").maxSize(120).wrap();
        for (ComponentProblem problem : problems) {
            table.addRow().addContent(shortName(problem.component()), problem.pid(), problem.state(), problem.reason());
        }
        table.print(System.out);
        return null;
    }

    /** Returns the values that running components rejected and replaced by their previous or default settings. */
    private List<ComponentProblem> rejectedValues() {
        List<ComponentProblem> rejected = new ArrayList<>();
        try {
            for (ServiceReference<ConfigProblem> reference : bundleContext.getServiceReferences(ConfigProblem.class, null)) {
                ConfigProblem problem = bundleContext.getService(reference);
                if (problem == null) {
                    continue;
                }
                try {
                    rejected.add(ComponentProblem.of(reference.getBundle().getSymbolicName(), problem));
                } finally {
                    bundleContext.ungetService(reference);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("a filter of null cannot be invalid", e);
        }
        return rejected;
    }

    private static String shortName(String component) {
        return component.startsWith(OWN_BUNDLES) ? component.substring(OWN_BUNDLES.length()) : component;
    }
}
