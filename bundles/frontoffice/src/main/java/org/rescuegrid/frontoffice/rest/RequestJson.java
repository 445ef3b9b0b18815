package org.rescuegrid.frontoffice.rest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Parses request bodies of the front office's and back office's REST APIs. A field given twice is rejected, because
 * Jackson would otherwise keep the last value and silently drop the first.
 */
public final class RequestJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    // Jackson 2.22 words the duplicate-field error as "Duplicate field 'NAME'".
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");

    private RequestJson() {
    }

    /** Returns the JSON tree of {@code body}, or null for an empty body. */
    public static JsonNode read(String body) throws JsonProcessingException {
        try {
            return MAPPER.readTree(body);
        } catch (JsonParseException e) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            if (duplicate.find()) {
                throw ApiException.badRequest("field '" + duplicate.group(1) + "' appears more than once; send each field once");
            }
            throw e;
        }
    }

    /** Returns an empty JSON object. */
    public static JsonNode emptyObject() {
        return MAPPER.createObjectNode();
    }
}
