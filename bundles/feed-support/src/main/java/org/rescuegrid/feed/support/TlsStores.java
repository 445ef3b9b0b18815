package org.rescuegrid.feed.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.util.Collections;

/**
 * Opens PKCS12 key and trust stores at activation, for HQ's HTTPS listener and the uplink. A missing file, a
 * wrong password or a store without the expected entries is then reported with the key, the path and the fix
 * before the first connection. Messages never contain a password.
 */
public final class TlsStores {

    public static final String README_HINT = "see 'Securing the feed' in the README for the keytool commands";

    private TlsStores() {
    }

    /** Resolves a configured path: absolute as written, relative against the node's etc folder. */
    public static Path resolve(String pid, String key, String value, Path etc) {
        String path = value == null ? "" : value.strip();
        if (path.isEmpty()) {
            throw new IllegalArgumentException(pid + ": " + key + " is empty; set the path of a PKCS12 file, " + README_HINT);
        }
        Path file = Path.of(path);
        return file.isAbsolute() || etc == null ? file : etc.resolve(file);
    }

    /**
     * Loads a PKCS12 key store and checks that it contains a private key entry ({@code keyEntry}) or at least one
     * trusted certificate (otherwise).
     */
    public static KeyStore load(String pid, String key, Path file, String passwordKey, String password, boolean keyEntry) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(pid + ": " + key + "='" + file + "' does not exist or is not a file; "
                    + "fix the path or create the file, " + README_HINT);
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException(pid + ": " + passwordKey + " is empty; set the password of " + key + "='" + file + "'");
        }
        if (password.strip().startsWith("$[")) {
            throw new IllegalArgumentException(pid + ": " + passwordKey + " is the unresolved placeholder '" + password.strip()
                    + "'; create the secret file it names in the node's etc folder");
        }
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new IllegalArgumentException(pid + ": " + passwordKey + " does not open " + key + "='" + file
                        + "' (wrong password); set the password the file was created with", e);
            }
            throw new IllegalArgumentException(pid + ": " + key + "='" + file + "' could not be read as PKCS12: " + e.getMessage()
                    + "; " + README_HINT, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(pid + ": " + key + "='" + file + "' could not be read as PKCS12: " + e.getMessage(), e);
        }
        checkEntries(pid, key, file, store, keyEntry);
        return store;
    }

    private static void checkEntries(String pid, String key, Path file, KeyStore store, boolean keyEntry) {
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (keyEntry ? store.isKeyEntry(alias) : store.isCertificateEntry(alias)) {
                    return;
                }
            }
        } catch (KeyStoreException e) {
            throw new IllegalArgumentException(pid + ": " + key + "='" + file + "' could not be listed: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException(pid + ": " + key + "='" + file + "' contains no "
                + (keyEntry ? "private key with its certificate" : "trusted CA certificate") + "; " + README_HINT);
    }
}
