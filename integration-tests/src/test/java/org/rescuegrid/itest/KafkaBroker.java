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
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one process) on 127.0.0.1 with free
 * ports, run in a JVM of its own from the jars the kafka-test-broker module copies. Every replication
 * factor and minimum ISR is 1 because there is one node.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path directory;
    private final int port;
    private final Process process;

    private KafkaBroker(Path directory, int port, Process process) {
        this.directory = directory;
        this.port = port;
        this.process = process;
    }

    /**
     * Formats a log directory under {@code directory}, starts the broker and waits until it responds to an admin request.
     * The broker's output goes to {@code directory/broker.log}.
     */
    public static KafkaBroker start(Path directory) throws IOException, InterruptedException {
        Path lib = Path.of(System.getProperty("rescuegrid.kafkaBrokerLib", "../kafka-test-broker/target/lib"));
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("Kafka broker jars not found in " + lib.toAbsolutePath()
                    + "; build module kafka-test-broker first (mvn -pl kafka-test-broker package)");
        }
        int port = freePort();
        int controllerPort = freePort();
        Files.createDirectories(directory);
        Path config = directory.resolve("server.properties");
        Files.writeString(config, serverProperties(directory.resolve("data"), port, controllerPort), StandardCharsets.UTF_8);
        Path log = directory.resolve("broker.log");

        String classPath = lib.toAbsolutePath() + File.separator + "*";
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process format = new ProcessBuilder(java, "-cp", classPath, "kafka.tools.StorageTool", "format",
                "-t", Uuid.randomUuid().toString(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("format.log").toFile()).start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            format.destroyForcibly();
            throw new IllegalStateException("kafka.tools.StorageTool format failed; see " + directory.resolve("format.log") + ": "
                    + Files.readString(directory.resolve("format.log")));
        }

        Process broker = new ProcessBuilder(java, "-Xms128m", "-Xmx384m", "-cp", classPath, "kafka.Kafka", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        KafkaBroker started = new KafkaBroker(directory, port, broker);
        try {
            started.awaitReady();
        } catch (RuntimeException | InterruptedException e) {
            started.close();
            throw e;
        }
        return started;
    }

    private static String serverProperties(Path data, int port, int controllerPort) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + data.toAbsolutePath(),
                "num.partitions=1",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
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
