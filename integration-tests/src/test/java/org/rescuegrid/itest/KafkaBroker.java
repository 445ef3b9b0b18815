package org.rescuegrid.itest;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one process) on 127.0.0.1 with free
 * ports, run in a JVM of its own from the jars the kafka-test-broker module copies. Every replication
 * factor and minimum ISR is 1 because there is one node.
 *
 * <p>The broker is secured as a production one would be: clients connect with SASL_SSL and a SCRAM-SHA-512
 * login, and the StandardAuthorizer denies everything no ACL allows. At start it creates a self-signed
 * certificate for 127.0.0.1 (which {@link #truststore()} holds for the clients) and a random password for
 * {@value #ADMIN} and for each user given. {@value #ADMIN} is a super user; the controller listener takes
 * TLS with the broker's own certificate as client certificate.
 */
public final class KafkaBroker implements AutoCloseable {

    /** The super user the tests create topics and ACLs with. */
    public static final String ADMIN = "admin";

    // A start on a loaded 2-core machine took more than 60 s once, with the controller registration timing out.
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final String MECHANISM = "SCRAM-SHA-512";
    private static final String CERTIFICATE_NAME = "CN=rescuegrid-test-broker";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Maps a client certificate's subject {@code CN=NAME} (alone or followed by more attributes) to the Kafka user
     * NAME, so that a district's certificate meets the same ACLs as its SCRAM login.
     */
    public static final String PRINCIPAL_MAPPING_RULES = "RULE:^CN=([^,]+)$/$1/,RULE:^CN=([^,]+),.*$/$1/,DEFAULT";

    private final Path directory;
    private final int port;
    private final int sslPort;
    private final Map<String, String> passwords;
    private final Process process;

    private KafkaBroker(Path directory, int port, int sslPort, Map<String, String> passwords, Process process) {
        this.directory = directory;
        this.port = port;
        this.sslPort = sslPort;
        this.passwords = passwords;
        this.process = process;
    }

    /**
     * Creates the broker's key and certificate and the users' SCRAM credentials under {@code directory}, formats a
     * log directory, starts the broker and waits until it responds to an admin request. The broker's output goes
     * to {@code directory/broker.log}.
     */
    public static KafkaBroker start(Path directory, String... users) throws IOException, InterruptedException {
        return start(directory, null, users);
    }

    /**
     * Starts the broker as {@link #start(Path, String...)} does, with a second client listener when {@code clientCa}
     * is a PEM file: SSL that requires a client certificate signed by that CA and maps its CN to the Kafka user
     * ({@link #PRINCIPAL_MAPPING_RULES}). {@link #sslBootstrapServers()} returns its address.
     */
    public static KafkaBroker start(Path directory, Path clientCa, String... users) throws IOException, InterruptedException {
        Path lib = Path.of(System.getProperty("rescuegrid.kafkaBrokerLib", "../kafka-test-broker/target/lib"));
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("Kafka broker jars not found in " + lib.toAbsolutePath()
                    + "; build module kafka-test-broker first (mvn -pl kafka-test-broker package)");
        }
        int port = freePort();
        int controllerPort = freePort();
        int sslPort = clientCa == null ? 0 : freePort();
        Files.createDirectories(directory);
        Map<String, String> passwords = new LinkedHashMap<>();
        passwords.put(ADMIN, randomPassword());
        for (String user : users) {
            passwords.put(user, randomPassword());
        }
        String keystorePassword = randomPassword();
        createCertificate(directory, keystorePassword);

        Path config = directory.resolve("server.properties");
        String properties = serverProperties(directory, port, controllerPort, sslPort, passwords.get(ADMIN), keystorePassword);
        if (clientCa != null) {
            properties += sslListener(clientCa);
        }
        Files.writeString(config, properties, StandardCharsets.UTF_8);
        Path log = directory.resolve("broker.log");

        String classPath = lib.toAbsolutePath() + File.separator + "*";
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> formatCommand = new ArrayList<>(List.of(java, "-cp", classPath, "kafka.tools.StorageTool", "format",
                "-t", Uuid.randomUuid().toString(), "-c", config.toString()));
        // The SCRAM credentials go into the metadata log before the first start. The passwords are random per run.
        for (Map.Entry<String, String> user : passwords.entrySet()) {
            formatCommand.add("--add-scram");
            formatCommand.add(MECHANISM + "=[name=" + user.getKey() + ",password=" + user.getValue() + "]");
        }
        Process format = new ProcessBuilder(formatCommand)
                .redirectErrorStream(true).redirectOutput(directory.resolve("format.log").toFile()).start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            format.destroyForcibly();
            throw new IllegalStateException("kafka.tools.StorageTool format failed; see " + directory.resolve("format.log") + ": "
                    + Files.readString(directory.resolve("format.log")));
        }

        // Without a log4j2 configuration Kafka logs only errors; its warnings explain a slow or failed start.
        Process broker = new ProcessBuilder(java, "-Xms128m", "-Xmx384m", "-Dorg.apache.logging.log4j.level=WARN", "-cp", classPath,
                "kafka.Kafka", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        KafkaBroker started = new KafkaBroker(directory, port, sslPort, Map.copyOf(passwords), broker);
        try {
            started.awaitReady();
        } catch (RuntimeException | InterruptedException e) {
            started.close();
            throw e;
        }
        return started;
    }

    /** Creates a self-signed key pair for 127.0.0.1 in broker.p12 and its certificate in ca.pem, with the JDK's keytool. */
    private static void createCertificate(Path directory, String keystorePassword) throws IOException, InterruptedException {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Path keystore = directory.resolve("broker.p12");
        run(directory, "keytool-genkeypair.log", keytool, "-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", CERTIFICATE_NAME, "-ext", "SAN=IP:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", keystorePassword);
        run(directory, "keytool-exportcert.log", keytool, "-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", keystorePassword, "-file", directory.resolve("ca.pem").toString());
    }

    private static void run(Path directory, String logName, String... command) throws IOException, InterruptedException {
        Path log = directory.resolve(logName);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(command[1] + " failed; see " + log + ": " + Files.readString(log));
        }
    }

    private static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    /** Returns the broker's settings; {@code sslPort} 0 means no SSL client listener. */
    private static String serverProperties(Path directory, int port, int controllerPort, int sslPort, String adminPassword,
            String keystorePassword) {
        String ssl = sslPort == 0 ? "" : ",SSL://127.0.0.1:" + sslPort;
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=SASL_SSL://127.0.0.1:" + port + ssl + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=SASL_SSL://127.0.0.1:" + port + ssl,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=SASL_SSL",
                "listener.security.protocol.map=SASL_SSL:SASL_SSL," + (sslPort == 0 ? "" : "SSL:SSL,") + "CONTROLLER:SSL",
                "sasl.enabled.mechanisms=" + MECHANISM,
                "sasl.mechanism.inter.broker.protocol=" + MECHANISM,
                "listener.name.sasl_ssl." + MECHANISM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config="
                        + "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + ADMIN + "\" password=\""
                        + adminPassword + "\";",
                "ssl.keystore.type=PKCS12",
                "ssl.keystore.location=" + directory.resolve("broker.p12").toAbsolutePath(),
                "ssl.keystore.password=" + keystorePassword,
                "ssl.key.password=" + keystorePassword,
                "ssl.truststore.type=PEM",
                "ssl.truststore.location=" + directory.resolve("ca.pem").toAbsolutePath(),
                // The broker reaches its own controller with its certificate, whose subject is a super user.
                "listener.name.controller.ssl.client.auth=required",
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "super.users=User:" + ADMIN + ";User:" + CERTIFICATE_NAME,
                "log.dirs=" + directory.resolve("data").toAbsolutePath(),
                "num.partitions=1",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // On a loaded 2-core machine controller events took 2-4 s, and the default 9 s session fenced the broker.
                "broker.session.timeout.ms=30000",
                "");
    }

    /**
     * Returns the settings of the listener SSL for clients with certificates. They carry the listener prefix, so
     * the controller listener keeps the broker's own trust store and its principal {@value #CERTIFICATE_NAME}.
     */
    private static String sslListener(Path clientCa) {
        return String.join("\n",
                "listener.name.ssl.ssl.client.auth=required",
                "listener.name.ssl.ssl.truststore.type=PEM",
                "listener.name.ssl.ssl.truststore.location=" + clientCa.toAbsolutePath(),
                "listener.name.ssl.ssl.principal.mapping.rules=" + PRINCIPAL_MAPPING_RULES,
                "");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with code " + process.exitValue() + "; see " + directory.resolve("broker.log"));
            }
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Kafka broker did not respond within " + START_TIMEOUT.toSeconds() + " s; see "
                            + directory.resolve("broker.log"), e);
                }
                Thread.sleep(200);
            }
        }
    }

    /** Returns the broker's address as bootstrap servers, host:port. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Returns the address of the SSL listener for clients with certificates, which {@link #start(Path, Path, String...)} adds. */
    public String sslBootstrapServers() {
        if (sslPort == 0) {
            throw new IllegalStateException("the broker has no SSL listener; start it with the PEM file of the clients' CA");
        }
        return "127.0.0.1:" + sslPort;
    }

    /** Returns the PEM file with the broker's certificate, which clients trust. */
    public Path truststore() {
        return directory.resolve("ca.pem").toAbsolutePath();
    }

    /** Returns the password generated for a user given to {@link #start}, or for {@value #ADMIN}. */
    public String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("user " + user + " was not created; pass it to KafkaBroker.start");
        }
        return password;
    }

    /** Returns the client properties that log in as the user with SCRAM-SHA-512 over TLS. */
    public Map<String, String> clientSecurity(String user) {
        return Map.of("security.protocol", "SASL_SSL",
                "sasl.mechanism", MECHANISM,
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                        + "\" password=\"" + password(user) + "\";",
                "ssl.truststore.type", "PEM",
                "ssl.truststore.location", truststore().toString());
    }

    /** Allows a district's user to produce to its topic and nothing else. */
    public void allowProducer(String user, String topic) throws InterruptedException {
        createAcls(List.of(
                acl(ResourceType.TOPIC, topic, PatternType.LITERAL, user, AclOperation.WRITE),
                acl(ResourceType.TOPIC, topic, PatternType.LITERAL, user, AclOperation.DESCRIBE)));
    }

    /** Allows HQ's user to consume every topic whose name starts with the prefix, in the given consumer group. */
    public void allowConsumer(String user, String topicPrefix, String group) throws InterruptedException {
        createAcls(List.of(
                acl(ResourceType.TOPIC, topicPrefix, PatternType.PREFIXED, user, AclOperation.READ),
                acl(ResourceType.TOPIC, topicPrefix, PatternType.PREFIXED, user, AclOperation.DESCRIBE),
                acl(ResourceType.GROUP, group, PatternType.LITERAL, user, AclOperation.READ)));
    }

    private static AclBinding acl(ResourceType type, String name, PatternType pattern, String user, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }

    private void createAcls(List<AclBinding> acls) throws InterruptedException {
        try (Admin admin = admin()) {
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("ACLs " + acls + " could not be created: " + e, e);
        }
    }

    /** Creates a topic with the given number of partitions and waits until the broker has it. */
    public void createTopic(String name, int partitions) throws InterruptedException {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("topic " + name + " could not be created: " + e, e);
        }
    }

    private Admin admin() {
        Properties properties = new Properties();
        properties.putAll(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000"));
        properties.putAll(clientSecurity(ADMIN));
        return Admin.create(properties);
    }

    /** Stops the broker and waits for its JVM to exit, at most 30 s before killing it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Returns the broker's output so far, for failure messages. */
    public String log() {
        try {
            return Files.readString(directory.resolve("broker.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
