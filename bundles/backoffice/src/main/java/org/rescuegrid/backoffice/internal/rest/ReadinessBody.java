package org.rescuegrid.backoffice.internal.rest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.rescuegrid.frontoffice.rest.ApiException;
import org.rescuegrid.frontoffice.rest.RequestJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Body of a readiness check: {@code {"failed": ["oxygen"], "staff": "S-201", "note": "cylinder empty"}}. An empty
 * or missing {@code failed} means the check passed.
 */
record ReadinessBody(List<String> failed, String staffId, String note) {

    private static final Set<String> FIELDS = Set.of("failed", "staff", "note");

    static ReadinessBody parse(String text) {
        JsonNode root;
        try {
            root = RequestJson.read(text);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object with failed (a list of checklist items), staff and note");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiException.badRequest("field '" + name + "' is unknown; accepted fields are failed, staff and note");
            }
        }
        List<String> failed = new ArrayList<>();
        JsonNode items = root.get("failed");
        if (items != null && !items.isNull()) {
            if (!items.isArray()) {
                throw ApiException.badRequest("field 'failed' value " + items + " is invalid; give a list of checklist items such as [\"oxygen\"]");
            }
            for (JsonNode item : items) {
                // A blank item is passed on, so that Readiness rejects it with the same message as on the console.
                if (!item.isTextual()) {
                    throw ApiException.badRequest("field 'failed' item " + item + " is invalid; give checklist item names such as \"oxygen\"");
                }
                failed.add(item.asText().strip());
            }
        }
        return new ReadinessBody(List.copyOf(failed), text(root, "staff"), text(root, "note"));
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.badRequest("field '" + field + "' value " + node + " is invalid; give a string");
        }
        return node.asText().isBlank() ? null : node.asText().strip();
    }
}
