package org.rescuegrid.uplink.internal;

import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

import org.rescuegrid.feed.support.TlsStores;

/**
 * TLS of the http transport to an https HQ: the trust store that verifies HQ's certificate and, for mutual TLS,
 * the key store with this district's client certificate. Both are opened at activation.
 *
 * @param keyStore the district's key store, or null when the district presents no client certificate
 */
record UplinkTls(KeyStore keyStore, String keyPassword, KeyStore trustStore) {

    private static final String PID = "org.rescuegrid.uplink";

    /**
     * Returns the TLS settings of an https hqUrl, or null for http.
     *
     * @param etc the node's etc folder, against which relative store paths are resolved, or null
     * @throws IllegalArgumentException naming the PID, the key, the value (never a password) and the fix
     */
    static UplinkTls from(UplinkConfig config, URI hqUrl, Path etc) {
        boolean hasKeyStore = config.keyStore() != null && !config.keyStore().isBlank();
        if (!"https".equals(hqUrl.getScheme())) {
            if (hasKeyStore) {
                throw new IllegalArgumentException(PID + ": keyStore is set but hqUrl='" + hqUrl + "' is not https;"
                        + " set HQ's https URL, for example https://hq.example:8124/hq/v1/batches, or remove keyStore");
            }
            return null;
        }
        if (config.trustStore() == null || config.trustStore().isBlank()) {
            throw new IllegalArgumentException(PID + ": trustStore is empty but hqUrl='" + hqUrl + "' is https; set the PKCS12 file with"
                    + " the CA certificate that signed HQ's certificate; " + TlsStores.README_HINT);
        }
        Path trustFile = TlsStores.resolve(PID, "trustStore", config.trustStore(), etc);
        KeyStore trustStore = TlsStores.load(PID, "trustStore", trustFile, "trustStorePassword", config.trustStorePassword(), false);
        if (!hasKeyStore) {
            return new UplinkTls(null, null, trustStore);
        }
        Path keyFile = TlsStores.resolve(PID, "keyStore", config.keyStore(), etc);
        KeyStore keyStore = TlsStores.load(PID, "keyStore", keyFile, "keyStorePassword", config.keyStorePassword(), true);
        return new UplinkTls(keyStore, config.keyStorePassword(), trustStore);
    }

    /** Returns true when the district presents a client certificate, so HQ needs no token from it. */
    static boolean presentsCertificate(UplinkConfig config) {
        return config.keyStore() != null && !config.keyStore().isBlank() && config.hqUrl() != null
                && config.hqUrl().strip().startsWith("https:");
    }

    boolean mutual() {
        return keyStore != null;
    }

    /** Returns the stores as Camel's TLS parameters for the http component. */
    SSLContextParameters sslContextParameters() {
        SSLContextParameters parameters = new SSLContextParameters();
        KeyStoreParameters trust = new KeyStoreParameters();
        trust.setKeyStore(trustStore);
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(trust);
        parameters.setTrustManagers(trustManagers);
        if (keyStore != null) {
            KeyStoreParameters keys = new KeyStoreParameters();
            keys.setKeyStore(keyStore);
            KeyManagersParameters keyManagers = new KeyManagersParameters();
            keyManagers.setKeyStore(keys);
            keyManagers.setKeyPassword(keyPassword);
            parameters.setKeyManagers(keyManagers);
        }
        return parameters;
    }

    /** Returns the stores as a JDK TLS context, for the reconciliation requests that {@code java.net.http} sends. */
    SSLContext sslContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            KeyManagerFactory keys = null;
            if (keyStore != null) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(keyStore, keyPassword.toCharArray());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(PID + ": keyStore or trustStore could not initialise TLS: " + e.getMessage(), e);
        }
    }
}
