package org.rescuegrid.hq.internal;

import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;

import org.rescuegrid.feed.support.TlsStores;

/** The HTTPS listener's configuration after validation: both stores opened, the districts parsed and the CRL read. */
record HqTlsSettings(String host, int port, KeyStore keyStore, char[] keyPassword, KeyStore trustStore, long maxBodyBytes,
        DistrictCertificates districts, RevokedCertificates revoked) {

    static final String PID = "org.rescuegrid.hq.tls";

    /**
     * Validates the configuration.
     *
     * @param etc the node's etc folder, against which relative store paths are resolved, or null
     * @throws IllegalArgumentException naming the PID, the key, the value (never a password) and the fix
     */
    static HqTlsSettings from(HqTlsConfig config, Map<String, ?> properties, Path etc) {
        String host = config.host() == null ? "" : config.host().strip();
        if (host.isEmpty()) {
            throw new IllegalArgumentException(PID + ": host is empty; set an address such as 127.0.0.1");
        }
        if (config.port() < 1 || config.port() > 65_535) {
            throw new IllegalArgumentException(PID + ": port='" + config.port() + "' is invalid; set a TCP port from 1 to 65535");
        }
        if (config.maxBodyBytes() < 65_536 || config.maxBodyBytes() > 268_435_456) {
            throw new IllegalArgumentException(PID + ": maxBodyBytes='" + config.maxBodyBytes()
                    + "' is invalid; set a size in bytes from 65536 to 268435456");
        }

        Path keyFile = TlsStores.resolve(PID, "keyStore", config.keyStore(), etc);
        KeyStore keyStore = TlsStores.load(PID, "keyStore", keyFile, "keyStorePassword", config.keyStorePassword(), true);
        if (config.trustStore() == null || config.trustStore().isBlank()) {
            throw new IllegalArgumentException(PID + ": trustStore is empty; set the PKCS12 file with the CA certificate that signs the"
                    + " districts' certificates, because HQ accepts only clients it can verify; " + TlsStores.README_HINT);
        }
        Path trustFile = TlsStores.resolve(PID, "trustStore", config.trustStore(), etc);
        KeyStore trustStore = TlsStores.load(PID, "trustStore", trustFile, "trustStorePassword", config.trustStorePassword(), false);

        DistrictCertificates districts = DistrictCertificates.from(PID, properties);
        if (districts.size() == 0) {
            throw new IllegalArgumentException(PID + ": no district is configured, so HQ would reject every certificate;"
                    + " add district.CODE.cn = CN (or district.CODE.fingerprint = SHA-256) for each district");
        }
        RevokedCertificates revoked = RevokedCertificates.from(PID, config.revokedFingerprints(), config.crl(), trustStore, etc);
        return new HqTlsSettings(host, config.port(), keyStore, config.keyStorePassword().toCharArray(), trustStore, config.maxBodyBytes(),
                districts, revoked);
    }
}
