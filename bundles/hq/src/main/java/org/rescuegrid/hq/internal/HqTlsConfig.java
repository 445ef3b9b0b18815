package org.rescuegrid.hq.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * HQ's HTTPS listener for the districts' feed with client certificates. Besides these keys, each district HQ
 * accepts is a key {@code district.CODE.cn} (the subject CN of its certificate) and/or
 * {@code district.CODE.fingerprint} (the SHA-256 fingerprint of its certificate).
 */
@ObjectClassDefinition(name = "RescueGrid HQ receiver over HTTPS",
        description = "HTTPS listener for POST /hq/v1/batches that identifies each district by its client certificate.")
public @interface HqTlsConfig {

    @AttributeDefinition(description = "Address the HTTPS listener binds to. Use 0.0.0.0 to accept districts on other hosts.")
    String host() default "127.0.0.1";

    @AttributeDefinition(description = "TCP port of the HTTPS listener, 1-65535.", min = "1", max = "65535")
    int port() default 8124;

    @AttributeDefinition(description = "PKCS12 file with HQ's private key and certificate; a relative path is resolved against the node's etc folder.")
    String keyStore() default "";

    @AttributeDefinition(description = "Password of keyStore.", type = AttributeType.PASSWORD)
    String keyStorePassword() default "";

    @AttributeDefinition(description = "PKCS12 file with the CA certificates that sign the districts' certificates;"
            + " a relative path is resolved against the node's etc folder.")
    String trustStore() default "";

    @AttributeDefinition(description = "Password of trustStore.", type = AttributeType.PASSWORD)
    String trustStorePassword() default "";

    @AttributeDefinition(description = "Largest request body accepted, in bytes, 65536-268435456. Larger requests get 413.",
            min = "65536", max = "268435456")
    long maxBodyBytes() default 8L * 1024 * 1024;

    @AttributeDefinition(description = "SHA-256 fingerprints of district certificates HQ rejects although its CA signed them,"
            + " separated by commas or spaces, as 'keytool -printcert' prints them. Empty: none.")
    String revokedFingerprints() default "";

    @AttributeDefinition(description = "CRL file (PEM or DER) signed by a CA of trustStore, whose certificates HQ rejects; read again"
            + " when the file changes. A relative path is resolved against the node's etc folder. Empty: no CRL.")
    String crl() default "";
}
