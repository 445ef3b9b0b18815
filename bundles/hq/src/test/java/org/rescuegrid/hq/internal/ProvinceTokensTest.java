package org.rescuegrid.hq.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ProvinceTokensTest {

    private static final String LAHORE_TOKEN = "lhr-4f1c9a7e2b6d8035";
    private static final String KARACHI_TOKEN = "khi-0b7e3d91c2a4f658";

    private static ProvinceTokens twoProvinces() {
        return ProvinceTokens.from(Map.of(
                "province.PB-LHR.token", LAHORE_TOKEN,
                "province.SD-KHI.token", KARACHI_TOKEN,
                "service.pid", "org.rescuegrid.hq",
                "felix.fileinstall.filename", "file:/opt/rescuegrid/etc/org.rescuegrid.hq.cfg"));
    }

    private static IllegalArgumentException rejection(Map<String, ?> properties) {
        return assertThrows(IllegalArgumentException.class, () -> ProvinceTokens.from(properties));
    }

    @Test
    void tokensLookedUpByValue() {
        ProvinceTokens tokens = twoProvinces();

        assertEquals(Optional.of("PB-LHR"), tokens.provinceOf(LAHORE_TOKEN));
        assertEquals(Optional.of("SD-KHI"), tokens.provinceOf(KARACHI_TOKEN));
        assertEquals(2, tokens.size());
    }

    @Test
    void provincesListedInOrder() {
        List<String> provinces = new ArrayList<>();
        twoProvinces().provinces().forEach(provinces::add);

        assertEquals(List.of("PB-LHR", "SD-KHI"), provinces);
    }

    @Test
    void unknownTokenMatchesNothing() {
        ProvinceTokens tokens = twoProvinces();

        assertEquals(Optional.empty(), tokens.provinceOf("lhr-4f1c9a7e2b6d8036"));
        assertEquals(Optional.empty(), tokens.provinceOf(LAHORE_TOKEN.substring(0, 16)));
        assertEquals(Optional.empty(), tokens.provinceOf(LAHORE_TOKEN + "x"));
        assertEquals(Optional.empty(), tokens.provinceOf(""));
        assertEquals(Optional.empty(), tokens.provinceOf(null));
    }

    @Test
    void tokenBlanksStripped() {
        ProvinceTokens tokens = ProvinceTokens.from(Map.of("province.PB-LHR.token", "  " + LAHORE_TOKEN + "\n"));

        assertEquals(Optional.of("PB-LHR"), tokens.provinceOf(LAHORE_TOKEN));
    }

    @Test
    void noProvincesConfigured() {
        ProvinceTokens tokens = ProvinceTokens.from(Map.of("service.pid", "org.rescuegrid.hq"));

        assertEquals(0, tokens.size());
        assertEquals(Optional.empty(), tokens.provinceOf(LAHORE_TOKEN));
    }

    @Test
    void badProvinceCodeRejected() {
        IllegalArgumentException e = rejection(Map.of("province.PB LHR.token", LAHORE_TOKEN));

        assertTrue(e.getMessage().contains("key 'province.PB LHR.token' is invalid"), e.getMessage());
    }

    @Test
    void misspelledKeyRejected() {
        IllegalArgumentException e = rejection(Map.of("province.PB-LHR.tokn", LAHORE_TOKEN));

        assertTrue(e.getMessage().contains("key 'province.PB-LHR.tokn' is invalid"), e.getMessage());
    }

    @Test
    void tooLongProvinceCodeRejected() {
        String key = "province." + "P".repeat(33) + ".token";

        IllegalArgumentException e = rejection(Map.of(key, LAHORE_TOKEN));

        assertTrue(e.getMessage().contains("key '" + key + "' is invalid"), e.getMessage());
    }

    @Test
    void placeholderRejected() {
        IllegalArgumentException e = rejection(Map.of("province.PB-LHR.token", "$[secret:hq-pb-lhr]"));

        assertTrue(e.getMessage().contains("province.PB-LHR.token"), e.getMessage());
        assertTrue(e.getMessage().contains("unresolved placeholder '$[secret:hq-pb-lhr]'"), e.getMessage());
    }

    @Test
    void shortTokenRejectedWithoutEcho() {
        String token = "fifteen-chars-x";

        IllegalArgumentException e = rejection(Map.of("province.PB-LHR.token", token));

        assertTrue(e.getMessage().contains("province.PB-LHR.token is 15 characters long"), e.getMessage());
        assertFalse(e.getMessage().contains(token), "the message must not reveal the token: " + e.getMessage());
    }

    @Test
    void sharedTokenRejected() {
        IllegalArgumentException e = rejection(Map.of(
                "province.PB-LHR.token", LAHORE_TOKEN,
                "province.SD-KHI.token", " " + LAHORE_TOKEN));

        assertTrue(e.getMessage().contains("PB-LHR"), e.getMessage());
        assertTrue(e.getMessage().contains("SD-KHI"), e.getMessage());
        assertTrue(e.getMessage().contains("same token"), e.getMessage());
        assertFalse(e.getMessage().contains(LAHORE_TOKEN), "the message must not reveal the token: " + e.getMessage());
    }
}
