package org.rescuegrid.uplink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class UplinkConfigChangesTest {

    @Test
    void sameConfigHasNoChanges() {
        assertEquals(List.of(), UplinkConfigChanges.between(TestUplinkConfig.valid(), TestUplinkConfig.valid()));
    }

    @Test
    void changedKeysListedInKeyOrder() {
        TestUplinkConfig changed = TestUplinkConfig.valid().withPollIntervalMs(500).withBatchSize(50);

        assertEquals(List.of("batchSize '200' -> '50'", "pollIntervalMs '1000' -> '500'"),
                UplinkConfigChanges.between(TestUplinkConfig.valid(), changed));
    }

    @Test
    void tokenChangeHidesValues() {
        String newToken = "fedcba9876543210-PB-LHR";
        List<String> changes = UplinkConfigChanges.between(TestUplinkConfig.valid(), TestUplinkConfig.valid().withToken(newToken));

        assertEquals(List.of("token changed"), changes);
        assertFalse(changes.toString().contains(TestUplinkConfig.TOKEN));
        assertFalse(changes.toString().contains(newToken));
    }

    @Test
    void storePasswordsHidden() {
        UplinkConfig before = TlsUplinkConfig.with(TestUplinkConfig.valid(), Map.of("keyStore", "district.p12", "keyStorePassword", "first-secret"));
        UplinkConfig after = TlsUplinkConfig.with(TestUplinkConfig.valid(), Map.of("keyStore", "district-2027.p12", "keyStorePassword",
                "second-secret", "kafkaPassword", "third-secret"));

        List<String> changes = UplinkConfigChanges.between(before, after);

        assertEquals(List.of("kafkaPassword changed", "keyStore 'district.p12' -> 'district-2027.p12'", "keyStorePassword changed"), changes);
        assertFalse(changes.toString().contains("secret"));
    }
}
