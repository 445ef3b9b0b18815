package org.rescuegrid.hq.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoginBodyTest {

    @Test
    void readsUserAndPassword() {
        HttpExchange.BasicCredentials login = HttpExchange.loginBody("{\"user\": \" hq-viewer \", \"password\": \"s3cret pass\"}");

        assertEquals("hq-viewer", login.user());
        assertArrayEquals("s3cret pass".toCharArray(), login.password());
    }

    @Test
    void brokenJsonDiffersFromMissingField() {
        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class,
                () -> HttpExchange.loginBody("{\"user\": \"hq-viewer\", "));
        IllegalArgumentException noPassword = assertThrows(IllegalArgumentException.class,
                () -> HttpExchange.loginBody("{\"user\": \"hq-viewer\"}"));
        IllegalArgumentException noUser = assertThrows(IllegalArgumentException.class,
                () -> HttpExchange.loginBody("{\"password\": \"x\"}"));

        assertTrue(broken.getMessage().startsWith("the login body is not valid JSON"), broken.getMessage());
        assertTrue(noPassword.getMessage().startsWith("field 'password' is missing or empty"), noPassword.getMessage());
        assertTrue(noUser.getMessage().startsWith("field 'user' is missing or empty"), noUser.getMessage());
    }

    @Test
    void nonObjectBodyIsRejected() {
        IllegalArgumentException array = assertThrows(IllegalArgumentException.class, () -> HttpExchange.loginBody("[1, 2]"));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> HttpExchange.loginBody(""));

        assertTrue(array.getMessage().startsWith("the login body must be a JSON object"), array.getMessage());
        assertTrue(empty.getMessage().startsWith("the login body must be a JSON object"), empty.getMessage());
    }
}
