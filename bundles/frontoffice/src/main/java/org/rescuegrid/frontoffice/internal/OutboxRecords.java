package org.rescuegrid.frontoffice.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

import org.rescuegrid.store.outbox.OutboxAppender;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Appends a record for HQ to the outbox as JSON, with its event id in the payload as FrontOfficeTables writes them. */
final class OutboxRecords {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private OutboxRecords() {
    }

    static void append(Connection connection, String eventId, String recordType, Instant createdAt, Map<String, Object> payload)
            throws SQLException {
        payload.put("eventId", eventId);
        String json;
        try {
            json = JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(recordType + " record " + eventId + " could not be written as JSON: " + e.getMessage(), e);
        }
        OutboxAppender.append(connection, eventId, recordType, createdAt, json);
    }
}
