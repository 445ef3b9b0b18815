package org.rescuegrid.uplink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.rescuegrid.feed.support.KafkaClientSecurity;
import org.rescuegrid.testing.TestPki;

class KafkaClientSecurityTest {

    private static final String PID = "org.rescuegrid.uplink";
    private static final String[] KEYS = {"kafkaSecurityProtocol", "kafkaSaslMechanism", "kafkaUsername", "kafkaPassword",
        "kafkaTruststorePath"};
    private static final String PASSWORD = "district-secret-0123456789";

    @TempDir
    static Path directory;
    private static Path truststore;
    private static TestPki pki;

    @BeforeAll
    static void writeTruststore() throws IOException {
        truststore = directory.resolve("kafka-ca.pem");
        Files.writeString(truststore, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        pki = TestPki.create(directory, "pki-" + UUID.randomUUID());
    }

    private static KafkaClientSecurity sasl(String mechanism, String username, String password, String truststorePath) {
        return KafkaClientSecurity.from(PID, KEYS, "SASL_SSL", mechanism, username, password, truststorePath);
    }

    private static IllegalArgumentException rejected(String mechanism, String username, String password, String truststorePath) {
        return assertThrows(IllegalArgumentException.class, () -> sasl(mechanism, username, password, truststorePath));
    }

    @Test
    void scramPropertiesComplete() {
        Map<String, String> properties = sasl("scram-sha-512", " PB-LHR ", PASSWORD, truststore.toString()).clientProperties();

        assertEquals("SASL_SSL", properties.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", properties.get("sasl.mechanism"));
        assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"PB-LHR\" password=\"" + PASSWORD + "\";",
                properties.get("sasl.jaas.config"));
        assertEquals("PEM", properties.get("ssl.truststore.type"));
        assertEquals(truststore.toString(), properties.get("ssl.truststore.location"));
    }

    @Test
    void plainUsesPlainLoginModule() {
        String jaas = sasl("PLAIN", "PB-LHR", PASSWORD, truststore.toString()).clientProperties().get("sasl.jaas.config");

        assertTrue(jaas.startsWith("org.apache.kafka.common.security.plain.PlainLoginModule required"), jaas);
    }

    @Test
    void plaintextNeedsNoCredentials() {
        KafkaClientSecurity security = KafkaClientSecurity.from(PID, KEYS, "plaintext", "", "", "", "");

        assertEquals(Map.of("security.protocol", "PLAINTEXT"), security.clientProperties());
    }

    @Test
    void toStringHidesPassword() {
        String text = sasl("SCRAM-SHA-512", "PB-LHR", PASSWORD, truststore.toString()).toString();

        assertFalse(text.contains(PASSWORD), text);
        assertTrue(text.contains("user=PB-LHR"), text);
    }

    @Test
    void unknownProtocolRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KafkaClientSecurity.from(PID, KEYS, "SSL", "SCRAM-SHA-512", "PB-LHR", PASSWORD, truststore.toString()));

        assertEquals(PID + ": kafkaSecurityProtocol='SSL' is invalid; set SASL_SSL, or PLAINTEXT on a closed test network only",
                e.getMessage());
    }

    @Test
    void sslPresentsKeyStoreCertificate() {
        KafkaClientSecurity security = ssl(pki.issue("pb-lhr", "PB-LHR", false).toString(), pki.password());
        Map<String, String> properties = security.clientProperties();

        assertEquals("SSL", properties.get("security.protocol"));
        assertEquals("PKCS12", properties.get("ssl.keystore.type"));
        assertEquals(directory.resolve("pb-lhr.p12").toString(), properties.get("ssl.keystore.location"));
        assertEquals(pki.password(), properties.get("ssl.keystore.password"));
        assertEquals(pki.password(), properties.get("ssl.key.password"));
        assertEquals("PEM", properties.get("ssl.truststore.type"));
        assertEquals(truststore.toString(), properties.get("ssl.truststore.location"));
        assertFalse(properties.containsKey("sasl.jaas.config"));
        assertEquals("PB-LHR", security.username());
    }

    @Test
    void sslToStringHidesPassword() {
        String text = ssl(pki.issue("pb-rwp", "PB-RWP", false).toString(), pki.password()).toString();

        assertFalse(text.contains(pki.password()), text);
        assertTrue(text.startsWith("SSL certificate=CN=PB-RWP keystore="), text);
    }

    @Test
    void sslWithoutKeyStoreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ssl("", pki.password()));

        assertTrue(e.getMessage().startsWith(PID + ": keyStore is empty"), e.getMessage());
    }

    @Test
    void sslWrongKeyStorePasswordRejected() {
        String keyStore = pki.issue("pb-khi", "PB-KHI", false).toString();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ssl(keyStore, "wrong-password-0123"));

        assertTrue(e.getMessage().startsWith(PID + ": keyStorePassword does not open keyStore="), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-password-0123"), e.getMessage());
    }

    @Test
    void sslNamedAmongAcceptedProtocols() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KafkaClientSecurity.from(PID, KEYS, "TLS", "", "",
                "", truststore.toString(), new KafkaClientSecurity.KeyStoreSetting("keyStore", "", "keyStorePassword", "", null)));

        assertEquals(PID + ": kafkaSecurityProtocol='TLS' is invalid; set SASL_SSL, SSL (client certificate from keyStore),"
                + " or PLAINTEXT on a closed test network only", e.getMessage());
    }

    private static KafkaClientSecurity ssl(String keyStore, String password) {
        return KafkaClientSecurity.from(PID, KEYS, "ssl", "", "", "", truststore.toString(),
                new KafkaClientSecurity.KeyStoreSetting("keyStore", keyStore, "keyStorePassword", password, null));
    }

    @Test
    void unknownMechanismRejected() {
        IllegalArgumentException e = rejected("GSSAPI", "PB-LHR", PASSWORD, truststore.toString());

        assertTrue(e.getMessage().startsWith(PID + ": kafkaSaslMechanism='GSSAPI' is invalid"), e.getMessage());
    }

    @Test
    void missingUsernameRejected() {
        IllegalArgumentException e = rejected("SCRAM-SHA-512", "", PASSWORD, truststore.toString());

        assertTrue(e.getMessage().startsWith(PID + ": kafkaUsername='' is invalid"), e.getMessage());
    }

    @Test
    void unresolvedPasswordPlaceholderRejected() {
        IllegalArgumentException e = rejected("SCRAM-SHA-512", "PB-LHR", "$[secret:uplink.kafka.password]", truststore.toString());

        assertTrue(e.getMessage().contains("unresolved placeholder"), e.getMessage());
        assertTrue(e.getMessage().contains("create the secret file"), e.getMessage());
    }

    @Test
    void shortPasswordRejectedWithoutShowingIt() {
        IllegalArgumentException e = rejected("SCRAM-SHA-512", "PB-LHR", "short-secret", truststore.toString());

        assertEquals(PID + ": kafkaPassword is 12 characters long; set the password of Kafka user PB-LHR, at least 16 characters,"
                + " through a $[secret:...] file", e.getMessage());
    }

    @Test
    void passwordWithQuoteRejectedWithoutShowingIt() {
        IllegalArgumentException e = rejected("SCRAM-SHA-512", "PB-LHR", "district\"secret-0123456789", truststore.toString());

        assertFalse(e.getMessage().contains("district"), e.getMessage());
        assertTrue(e.getMessage().startsWith(PID + ": kafkaPassword contains a double quote"), e.getMessage());
    }

    @Test
    void relativeTruststoreRejected() {
        IllegalArgumentException e = rejected("SCRAM-SHA-512", "PB-LHR", PASSWORD, "etc/kafka-ca.pem");

        assertTrue(e.getMessage().startsWith(PID + ": kafkaTruststorePath='etc/kafka-ca.pem' is invalid; set the absolute path"),
                e.getMessage());
    }

    @Test
    void missingTruststoreRejected() {
        String path = directory.resolve("absent.pem").toString();
        IllegalArgumentException e = rejected("SCRAM-SHA-512", "PB-LHR", PASSWORD, path);

        assertTrue(e.getMessage().endsWith("(the file does not exist or is not readable)"), e.getMessage());
    }

    @Test
    void truststoreWithoutCertificateRejected() throws IOException {
        Path notPem = Files.writeString(directory.resolve("not-a-certificate.pem"), "not a certificate\n");
        IllegalArgumentException e = rejected("SCRAM-SHA-512", "PB-LHR", PASSWORD, notPem.toString());

        assertTrue(e.getMessage().endsWith("(the file contains no PEM certificate)"), e.getMessage());
    }
}
