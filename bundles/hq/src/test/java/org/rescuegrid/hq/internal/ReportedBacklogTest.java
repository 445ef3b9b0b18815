package org.rescuegrid.hq.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class ReportedBacklogTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void batchBacklogIsRead() throws Exception {
        BatchRequest batch = BatchRequest.parse("{\"province\":\"PB-LHR\",\"batchId\":\"b1\",\"records\":[],"
                + "\"backlog\":{\"rows\":1200,\"oldestCreatedAt\":\"2026-12-04T10:15:31.125Z\",\"oldestAgeSeconds\":95}}");

        assertEquals(new ReportedBacklog(1200, Instant.parse("2026-12-04T10:15:31.125Z"), 95), batch.backlog());
    }

    @Test
    void absentBacklogIsNull() {
        BatchRequest batch = BatchRequest.parse("{\"province\":\"PB-LHR\",\"batchId\":\"b1\",\"records\":[]}");

        assertNull(batch.backlog());
    }

    @Test
    void malformedBacklogIsIgnored() throws Exception {
        assertNull(ReportedBacklog.from(MAPPER.readTree("{\"backlog\":{\"rows\":-1,\"oldestCreatedAt\":\"2026-12-04T10:15:31Z\",\"oldestAgeSeconds\":1}}")));
        assertNull(ReportedBacklog.from(MAPPER.readTree("{\"backlog\":{\"rows\":1,\"oldestCreatedAt\":\"yesterday\",\"oldestAgeSeconds\":1}}")));
        assertNull(ReportedBacklog.from(MAPPER.readTree("{\"backlog\":\"many\"}")));
    }
}
