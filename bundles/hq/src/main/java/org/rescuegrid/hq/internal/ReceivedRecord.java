package org.rescuegrid.hq.internal;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/** One record of an uploaded batch after validation. */
record ReceivedRecord(String eventId, String type, Instant createdAt, JsonNode payload) {
}
