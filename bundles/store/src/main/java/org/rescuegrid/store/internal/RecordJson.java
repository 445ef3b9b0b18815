package org.rescuegrid.store.internal;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Writes stored records as the JSON payload of their outbox record; HQ reads the same shapes. */
final class RecordJson {

    static final String POSITION = "position";
    static final String DEVICE_EVENT = "device-event";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private RecordJson() {
    }

    static String write(String eventId, Object record) {
        try {
            return MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("record " + eventId + " could not be written as JSON: " + e.getMessage(), e);
        }
    }

    /** Reads the attributes column of a device event back into a map. */
    static Map<String, String> readAttributes(String json) {
        try {
            return MAPPER.readValue(json, ATTRIBUTES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event attributes are not valid JSON: " + e.getMessage(), e);
        }
    }

    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {
    };
}
