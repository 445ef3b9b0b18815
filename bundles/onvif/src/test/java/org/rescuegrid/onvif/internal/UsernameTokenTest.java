package org.rescuegrid.onvif.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class UsernameTokenTest {

    /** Nonce, Created and digest from the request header recorded in fixtures/onvif/GetDeviceInformation.xml. */
    @Test
    void digestMatchesRecordedRequest() {
        assertEquals("GBojZCRixHjpO9rnY+SxhdxZ5bc=",
                UsernameToken.digest("NDczOTcxNjIzNw==", "2014-12-24T16:29:56.117Z", "9999"));
    }

    @Test
    void digestMatchesSecondRecordedRequest() {
        assertEquals("eqy980Ghbsq3pGRTc/9ogfBa/oA=",
                UsernameToken.digest("NzQ2MTAxMDk3NQ==", "2014-12-24T16:20:37.481Z", "9999"));
    }

    @Test
    void createdStampedToMillisecondsInUtc() {
        UsernameToken token = UsernameToken.create("admin", "9999", Instant.parse("2026-03-01T10:15:30.123456Z"));

        assertEquals("2026-03-01T10:15:30.123Z", token.created());
        assertEquals(16, Base64.getDecoder().decode(token.nonce()).length);
        assertEquals(UsernameToken.digest(token.nonce(), token.created(), "9999"), token.passwordDigest());
    }

    @Test
    void noncesDiffer() {
        Instant now = Instant.now();
        assertNotEquals(UsernameToken.create("a", "b", now).nonce(), UsernameToken.create("a", "b", now).nonce());
    }

    @Test
    void toStringHidesDigest() {
        UsernameToken token = UsernameToken.create("admin", "9999", Instant.now());
        assertEquals(-1, token.toString().indexOf(token.passwordDigest()));
    }
}
