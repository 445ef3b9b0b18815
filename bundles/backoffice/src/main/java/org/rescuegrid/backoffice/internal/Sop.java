package org.rescuegrid.backoffice.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rescuegrid.frontoffice.AssistanceKind;
import org.rescuegrid.frontoffice.IncidentType;
import org.rescuegrid.frontoffice.Step;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One version of a standard operating procedure for an incident type, read from a JSON file named
 * {@code <incident-type>-v<N>.json}:
 *
 * <pre>
 * {
 *   "incidentType": "road-traffic-accident",
 *   "version": 2,
 *   "title": "Road traffic accident",
 *   "effectiveFrom": "2026-12-04T00:00:00Z",
 *   "steps": [
 *     { "id": "call", "role": "call-taker", "fact": "lifecycle:call-received" },
 *     { "id": "dispatch", "role": "dispatcher", "fact": "lifecycle:dispatched", "after": "call", "withinSeconds": 60 },
 *     { "id": "arrival", "role": "crew", "fact": "lifecycle:on-scene", "after": "call", "withinSeconds": 420 },
 *     { "id": "scene-safety", "role": "crew", "fact": "checklist:scene-safety", "after": "arrival", "withinSeconds": 120 },
 *     { "id": "handover", "role": "hospital-liaison", "fact": "lifecycle:at-hospital", "after": "arrival", "withinSeconds": 900, "required": false }
 *   ]
 * }
 * </pre>
 *
 * A step is done when its fact is recorded: {@code lifecycle:STEP} a front-office step of the incident,
 * {@code checklist:ITEM} a checklist tick, {@code assistance:KIND} a technical-assistance record,
 * {@code snapshot:CAMERA} (or {@code snapshot:any}) a camera snapshot attached to the incident. A
 * deadline is {@code withinSeconds} after an earlier step ({@code after}). A step that is not
 * {@code required} is not counted as missed when its fact never comes, for example the hospital
 * handover of a patient treated on scene. {@code effectiveFrom} is optional: without it a version takes
 * effect when the node first loads it.
 */
public record Sop(IncidentType incidentType, int version, String title, Instant effectiveFrom, List<SopStep> steps, String json) {

    /** Roles a step can name. */
    public static final List<String> ROLES = List.of("call-taker", "dispatcher", "crew", "hospital-liaison");

    private static final Pattern FILE_NAME = Pattern.compile("([a-z-]+)-v([1-9][0-9]{0,3})\\.json");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern CAMERA_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final ObjectMapper JSON = new ObjectMapper();

    public Sop {
        steps = List.copyOf(steps);
    }

    public Optional<SopStep> step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Returns the incident type and version a file name gives, or throws naming the accepted form. */
    static Object[] fileName(String fileName) {
        Matcher m = FILE_NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("file " + fileName + ": name is invalid; name it <incident-type>-v<N>.json, for example fire-v2.json");
        }
        IncidentType type;
        try {
            type = IncidentType.parse(m.group(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("file " + fileName + ": " + e.getMessage(), e);
        }
        return new Object[] {type, Integer.parseInt(m.group(2))};
    }

    /**
     * Returns the file name {@code <incident-type>-v<N>.json} that a procedure's own incidentType and version give.
     *
     * @throws IllegalArgumentException when the text is not a JSON object or either field is missing or invalid
     */
    public static String fileNameOf(String text) {
        JsonNode root;
        try {
            root = text == null ? null : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("procedure: not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("procedure: send one JSON object with incidentType, version and steps");
        }
        JsonNode type = root.get("incidentType");
        JsonNode version = root.get("version");
        if (type == null || !type.isTextual()) {
            throw new IllegalArgumentException("procedure: incidentType " + type + " is invalid; write an incident type such as \"fire\"");
        }
        if (version == null || !version.isIntegralNumber() || version.asInt() < 1 || version.asInt() > 9999) {
            throw new IllegalArgumentException("procedure: version " + version + " is invalid; write a whole number from 1 to 9999");
        }
        try {
            return IncidentType.parse(type.asText()).label() + "-v" + version.asInt() + ".json";
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("procedure: incidentType: " + e.getMessage(), e);
        }
    }

    /**
     * Parses and validates one file's text.
     *
     * @throws IllegalArgumentException naming the file, the step and the field of the first problem, and the accepted form
     */
    public static Sop parse(String fileName, String text) {
        Object[] named = fileName(fileName);
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("file " + fileName + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("file " + fileName + ": the file must hold one JSON object with incidentType, version and steps");
        }
        Problems problems = new Problems(fileName);
        allowOnly(problems, null, root, Set.of("incidentType", "version", "title", "effectiveFrom", "steps"));
        IncidentType type = parseType(problems, text(problems, null, root, "incidentType", true));
        if (type != named[0]) {
            throw problems.at(null, "incidentType", "'" + (type == null ? null : type.label()) + "' does not match the file name's incident type "
                    + ((IncidentType) named[0]).label());
        }
        JsonNode versionNode = root.get("version");
        if (versionNode == null || !versionNode.canConvertToInt() || !versionNode.isIntegralNumber() || versionNode.asInt() < 1) {
            throw problems.at(null, "version", "must be a whole number from 1; found " + versionNode);
        }
        if (versionNode.asInt() != (Integer) named[1]) {
            throw problems.at(null, "version", versionNode.asInt() + " does not match the file name's version " + named[1]);
        }
        String title = text(problems, null, root, "title", false);
        Instant effectiveFrom = null;
        String effective = text(problems, null, root, "effectiveFrom", false);
        if (effective != null) {
            try {
                effectiveFrom = Instant.parse(effective);
            } catch (DateTimeParseException e) {
                throw problems.at(null, "effectiveFrom", "'" + effective + "' is invalid; write an ISO-8601 UTC time such as 2026-12-04T00:00:00Z");
            }
        }
        JsonNode stepsNode = root.get("steps");
        if (stepsNode == null || !stepsNode.isArray() || stepsNode.isEmpty()) {
            throw problems.at(null, "steps", "must be a non-empty array of steps");
        }
        List<SopStep> steps = new ArrayList<>();
        Set<String> earlier = new HashSet<>();
        int index = 0;
        for (JsonNode node : stepsNode) {
            index++;
            String where = "step " + index;
            if (!node.isObject()) {
                throw problems.at(where, null, "must be an object with id, role and fact");
            }
            String id = text(problems, where, node, "id", true);
            if (!ID.matcher(id).matches()) {
                throw problems.at(where, "id", "'" + id + "' is invalid; use lower-case letters, digits and hyphens, such as scene-safety");
            }
            where = "step '" + id + "'";
            if (earlier.contains(id)) {
                throw problems.at(where, "id", "appears twice; each step needs its own id");
            }
            allowOnly(problems, where, node, Set.of("id", "name", "role", "fact", "after", "withinSeconds", "required"));
            String role = text(problems, where, node, "role", true);
            if (!ROLES.contains(role)) {
                throw problems.at(where, "role", "'" + role + "' is unknown; use one of " + String.join(", ", ROLES));
            }
            Fact fact = parseFact(problems, where, text(problems, where, node, "fact", true));
            String after = text(problems, where, node, "after", false);
            JsonNode within = node.get("withinSeconds");
            Duration deadline = null;
            if (after != null || within != null) {
                if (after == null || within == null) {
                    throw problems.at(where, after == null ? "after" : "withinSeconds", "is missing; a deadline needs both after and withinSeconds");
                }
                if (!earlier.contains(after)) {
                    throw problems.at(where, "after", "'" + after + "' is not an earlier step; use one of "
                            + (earlier.isEmpty() ? "(none: the first step cannot have a deadline)" : String.join(", ", stepIds(steps))));
                }
                if (!within.isIntegralNumber() || within.asLong() < 1 || within.asLong() > 7 * 24 * 3600) {
                    throw problems.at(where, "withinSeconds", within + " is invalid; give whole seconds from 1 to 604800");
                }
                deadline = Duration.ofSeconds(within.asLong());
            }
            JsonNode required = node.get("required");
            if (required != null && !required.isBoolean()) {
                throw problems.at(where, "required", required + " is invalid; write true or false");
            }
            steps.add(new SopStep(id, text(problems, where, node, "name", false), role, fact, after, deadline, required == null || required.asBoolean()));
            earlier.add(id);
        }
        return new Sop(type, versionNode.asInt(), title, effectiveFrom, steps, text);
    }

    private static List<String> stepIds(List<SopStep> steps) {
        return steps.stream().map(SopStep::id).toList();
    }

    private static IncidentType parseType(Problems problems, String text) {
        try {
            return IncidentType.parse(text);
        } catch (IllegalArgumentException e) {
            throw problems.at(null, "incidentType", e.getMessage());
        }
    }

    static Fact parseFact(Problems problems, String where, String text) {
        int colon = text.indexOf(':');
        String kind = colon < 0 ? text : text.substring(0, colon);
        String name = colon < 0 ? "" : text.substring(colon + 1);
        FactKind parsed = switch (kind) {
            case "lifecycle" -> FactKind.LIFECYCLE;
            case "checklist" -> FactKind.CHECKLIST;
            case "assistance" -> FactKind.ASSISTANCE;
            case "snapshot" -> FactKind.SNAPSHOT;
            default -> null;
        };
        if (parsed == null || name.isEmpty()) {
            throw problems.at(where, "fact", "'" + text + "' is invalid; write lifecycle:STEP, checklist:ITEM, assistance:KIND or snapshot:CAMERA"
                    + " (snapshot:any for any camera)");
        }
        if (parsed == FactKind.LIFECYCLE) {
            try {
                Step step = Step.parse(name);
                return new Fact(parsed, step.label(), step);
            } catch (IllegalArgumentException e) {
                throw problems.at(where, "fact", "'" + text + "': " + e.getMessage());
            }
        }
        if (parsed == FactKind.SNAPSHOT) {
            if (!CAMERA_ID.matcher(name).matches()) {
                throw problems.at(where, "fact", "'" + name + "' is invalid; name a camera id such as CAM-LHR-GATE, or any");
            }
            return new Fact(parsed, name, null);
        }
        if (parsed == FactKind.ASSISTANCE) {
            try {
                return new Fact(parsed, AssistanceKind.parse(name).label(), null);
            } catch (IllegalArgumentException e) {
                throw problems.at(where, "fact", "'" + text + "': " + e.getMessage());
            }
        }
        if (!ID.matcher(name).matches()) {
            throw problems.at(where, "fact", "'" + name + "' is invalid; use lower-case letters, digits and hyphens");
        }
        return new Fact(parsed, name, null);
    }

    private static String text(Problems problems, String where, JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw problems.at(where, field, "is missing");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw problems.at(where, field, value + " is invalid; write a non-empty text in quotes");
        }
        return value.asText().strip();
    }

    private static void allowOnly(Problems problems, String where, JsonNode node, Set<String> fields) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw problems.at(where, name, "is not a known field; use " + String.join(", ", new java.util.TreeSet<>(fields)));
            }
        }
    }

    /** Kind of fact that marks a step done. */
    public enum FactKind {
        LIFECYCLE, CHECKLIST, ASSISTANCE, SNAPSHOT;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param name step label, checklist item, assistance kind or camera id
     * @param step the front-office step of a lifecycle fact, or null
     */
    public record Fact(FactKind kind, String name, Step step) {

        @Override
        public String toString() {
            return kind.label() + ":" + name;
        }
    }

    /**
     * One step of a procedure.
     *
     * @param after id of the earlier step the deadline counts from, or null when the step has no deadline
     * @param within time allowed after that step, or null
     * @param required whether the step is missed when its fact never comes; otherwise it does not apply then
     */
    public record SopStep(String id, String name, String role, Fact fact, String after, Duration within, boolean required) {
    }

    private record Problems(String fileName) {

        IllegalArgumentException at(String step, String field, String problem) {
            return new IllegalArgumentException("file " + fileName + (step == null ? "" : ", " + step) + (field == null ? "" : ", field " + field)
                    + ": " + problem);
        }
    }
}
