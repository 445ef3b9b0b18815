package org.rescuegrid.console.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.rescuegrid.api.config.ConfigProblem;

/**
 * The reason one component configuration is not running, in a sentence an operator can act on.
 * Declarative Services keeps the whole stack trace of a failed activation. The sentence a settings
 * class wrote for the operator is the message of the innermost cause, so that message is shown.
 */
record ComponentProblem(String component, String pid, String state, String reason) {

    private static final String CAUSED_BY = "Caused by: ";

    static ComponentProblem of(String component, ComponentConfigurationDTO configuration) {
        String pid = text(configuration.properties, "service.pid");
        return switch (configuration.state) {
            case ComponentConfigurationDTO.FAILED_ACTIVATION ->
                    new ComponentProblem(component, pid, "failed", failureReason(configuration.failure));
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE ->
                    new ComponentProblem(component, pid, "waiting", missingServices(configuration.unsatisfiedReferences));
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION ->
                    new ComponentProblem(component, pid, "waiting", "its configuration is missing");
            default -> null;
        };
    }

    /** Describes a value that a running component rejected; the state says the component kept running. */
    static ComponentProblem of(String bundle, ConfigProblem problem) {
        return new ComponentProblem(bundle, problem.pid(), "running, value rejected", problem.sentence());
    }

    /** Extracts the innermost cause's message from a stack trace written by the component runtime. */
    static String failureReason(String failure) {
        if (failure == null || failure.isBlank()) {
            return "activation failed; the log has the details";
        }
        List<String> lines = failure.lines().map(String::strip).toList();
        String innermost = lines.get(0);
        for (String line : lines) {
            if (line.startsWith(CAUSED_BY)) {
                innermost = line.substring(CAUSED_BY.length());
            }
        }
        return withoutExceptionClass(innermost);
    }

    private static String withoutExceptionClass(String line) {
        int colon = line.indexOf(": ");
        if (colon < 0) {
            return line;
        }
        String head = line.substring(0, colon);
        boolean className = head.matches("[\\w.$]+") && (head.endsWith("Exception") || head.endsWith("Error"));
        // A settings class states its rejection in full, but any other exception keeps its type as a clue.
        if (className && head.endsWith("IllegalArgumentException")) {
            return line.substring(colon + 2);
        }
        return line;
    }

    private static String missingServices(UnsatisfiedReferenceDTO[] references) {
        if (references == null || references.length == 0) {
            return "a service it needs is missing";
        }
        return "needs " + Arrays.stream(references)
                .map(reference -> reference.target == null ? reference.name : reference.name + " " + reference.target)
                .collect(Collectors.joining(", "));
    }

    private static String text(Map<String, Object> properties, String key) {
        Object value = properties == null ? null : properties.get(key);
        return value == null ? "-" : value.toString();
    }
}
