package org.rescuegrid.backoffice.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ConfigurationAuditTest {

    @Test
    void listsChangedKeysAndMasksSecrets() {
        String[] summary = ConfigurationAudit.difference(
                Map.of("province", "PB-LHR", "token", "abc", "batchSize", "100"),
                Map.of("province", "PB-LHR", "token", "def", "hqUrl", "http://127.0.0.1:8123/hq/v1/batches"));
        assertArrayEquals(new String[] {"batchSize=100, token=***", "hqUrl=http://127.0.0.1:8123/hq/v1/batches, token=***"}, summary);
    }

    @Test
    void newConfigurationHasNoBefore() {
        assertArrayEquals(new String[] {null, "port=5010"}, ConfigurationAudit.difference(Map.of(), Map.of("port", "5010")));
    }
}
