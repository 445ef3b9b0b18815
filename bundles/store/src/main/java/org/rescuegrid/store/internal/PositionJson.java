package org.rescuegrid.store.internal;

import org.rescuegrid.api.position.StoredPosition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Writes stored positions as the JSON payload of their outbox record; HQ reads the same shape. */
final class PositionJson {

    static final String RECORD_TYPE = "position";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private PositionJson() {
    }

    static String write(StoredPosition position) {
        try {
            return MAPPER.writeValueAsString(position);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("position " + position.eventId() + " could not be written as JSON: " + e.getMessage(), e);
        }
    }
}
