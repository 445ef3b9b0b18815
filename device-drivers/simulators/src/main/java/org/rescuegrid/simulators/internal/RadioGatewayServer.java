package org.rescuegrid.simulators.internal;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.IdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.X509IdentityValidator;
import org.eclipse.milo.opcua.stack.core.Stack;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;
import org.rescuegrid.simulators.internal.RadioNamespace.RadioEventKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated radio dispatch gateway: an OPC UA server on one address and port with N radios whose
 * status, signal and battery change every step, and which raise emergency-button and radio-offline
 * events on request or on a schedule. It offers endpoints without security and with Basic256Sha256 and
 * Aes128_Sha256_RsaOaep (Sign and SignAndEncrypt). Its application certificate is self-signed and made
 * anew for each instance unless the caller passes one, and it accepts every client application
 * certificate, because it replaces a gateway in demos and tests. User certificates (X.509 identity) are
 * accepted only when they were added with {@link #acceptUserCertificate}.
 */
public final class RadioGatewayServer {

    /** Path of the endpoint URL, as in {@code opc.tcp://127.0.0.1:48401/radio-gateway}. */
    public static final String PATH = "/radio-gateway";
    static final String APPLICATION_URI = "urn:rescuegrid:simulator:radio-gateway";
    private static final Logger LOG = LoggerFactory.getLogger(RadioGatewayServer.class);

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final List<SimulatedRadio> radios = new ArrayList<>();
    private final List<X509Certificate> userCertificates = new CopyOnWriteArrayList<>();
    private final AtomicLong raisedEvents = new AtomicLong();
    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private OpcUaServer server;
    private RadioNamespace namespace;
    private ScheduledFuture<?> steps;
    private ScheduledFuture<?> events;

    /**
     * @param radioIds ids of the simulated radios
     * @param username user name required of clients, or null to accept anonymous clients
     * @param identity key pair and certificate to present, or null for a new self-signed one
     */
    public RadioGatewayServer(String host, int port, List<String> radioIds, String username, String password, Identity identity)
            throws Exception {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        Identity own = identity != null ? identity : Identity.selfSigned(host);
        this.keyPair = own.keyPair();
        this.certificate = own.certificate();
        for (int i = 0; i < radioIds.size(); i++) {
            // Spread the radios over Lahore so that a map shows them apart.
            radios.add(new SimulatedRadio(radioIds.get(i), "TG-" + (100 + i % 3), 31.52 + i * 0.01, 74.35 + i * 0.01));
        }
    }

    /** Key pair and certificate of the simulated gateway, kept by tests that restart it. */
    public record Identity(KeyPair keyPair, X509Certificate certificate) {

        public static Identity selfSigned(String host) throws Exception {
            KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
            X509Certificate certificate = new SelfSignedCertificateBuilder(keyPair)
                    .setCommonName("RescueGrid simulated radio gateway")
                    .setOrganization("RescueGrid")
                    .setApplicationUri(APPLICATION_URI)
                    .addDnsName("localhost")
                    .addIpAddress(host)
                    .build();
            return new Identity(keyPair, certificate);
        }
    }

    public Identity identity() {
        return new Identity(keyPair, certificate);
    }

    public String endpointUrl() {
        return "opc.tcp://" + host + ":" + port + PATH;
    }

    /** Starts the server and waits until it listens; after {@link #stop()} it starts again with the radios' values. */
    public synchronized void start() throws Exception {
        var trustList = new MemoryTrustListManager();
        var factory = new RsaSha256CertificateFactory() {
            @Override
            protected KeyPair createRsaSha256KeyPair() {
                return keyPair;
            }

            @Override
            protected X509Certificate[] createRsaSha256CertificateChain(KeyPair pair) {
                return new X509Certificate[] {certificate};
            }
        };
        // The simulator trusts every client; a real gateway keeps a trust list.
        var group = DefaultApplicationGroup.createAndInitialize(trustList, new MemoryCertificateStore(), factory,
                (chain, applicationUri, hostnames) -> { });
        var certificates = new DefaultCertificateManager(new MemoryCertificateQuarantine(), group);

        OpcUaServerConfig config = OpcUaServerConfig.builder()
                .setApplicationUri(APPLICATION_URI)
                .setApplicationName(LocalizedText.english("RescueGrid simulated radio gateway"))
                .setProductUri("urn:rescuegrid:simulator")
                .setEndpoints(endpoints())
                .setCertificateManager(certificates)
                .setIdentityValidator(identityValidator())
                .build();
        server = new OpcUaServer(config, profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
        namespace = new RadioNamespace(server, radios);
        namespace.startup();
        server.startup().get(10, TimeUnit.SECONDS);
    }

    /** Changes every radio once per interval, each by one step, on Milo's shared scheduler. */
    public synchronized void changeEvery(long intervalMillis, RandomGenerator random) {
        ScheduledExecutorService scheduler = Stack.sharedScheduledExecutor();
        steps = scheduler.scheduleAtFixedRate(() -> radios.forEach(radio -> radio.step(random)), intervalMillis, intervalMillis,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Raises one event per interval on Milo's shared scheduler: the radios take turns, and each round over the
     * radios alternates between emergency button presses and radios going offline.
     */
    public synchronized void raiseEventsEvery(long intervalMillis) {
        ScheduledExecutorService scheduler = Stack.sharedScheduledExecutor();
        events = scheduler.scheduleAtFixedRate(this::raiseNextEvent, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /** Raises an EmergencyButtonEventType event, as when the crew presses the radio's emergency button. */
    public void pressEmergencyButton(String radioId) throws Exception {
        raise(radioId, RadioEventKind.EMERGENCY_BUTTON, "Emergency button pressed on " + radioId, 1000);
    }

    /** Raises a RadioOfflineEventType event, as when the gateway stops hearing the radio. */
    public void reportRadioOffline(String radioId) throws Exception {
        raise(radioId, RadioEventKind.RADIO_OFFLINE, radioId + " stopped answering the gateway", 600);
    }

    /**
     * Accepts a user certificate as X.509 user identity from the next {@link #start()} on, and offers the
     * certificate user token policy on every endpoint.
     */
    public void acceptUserCertificate(X509Certificate userCertificate) {
        userCertificates.add(userCertificate);
    }

    /** Stops changing the radios and shuts the server down; the listening port is closed when this returns. */
    public synchronized void stop() throws Exception {
        if (steps != null) {
            steps.cancel(false);
            steps = null;
        }
        if (events != null) {
            events.cancel(false);
            events = null;
        }
        if (server != null) {
            namespace.shutdown();
            server.shutdown().get(10, TimeUnit.SECONDS);
            server = null;
        }
    }

    public List<String> radioIds() {
        return radios.stream().map(SimulatedRadio::radioId).toList();
    }

    /** Sets a radio's status code, as its crew would with a status key. */
    public void setStatus(String radioId, int code) {
        radio(radioId).orElseThrow(() -> new IllegalArgumentException("no simulated radio " + radioId)).setStatus(code);
    }

    public int status(String radioId) {
        return radio(radioId).orElseThrow(() -> new IllegalArgumentException("no simulated radio " + radioId)).statusCode();
    }

    /** Returns the texts the gateway's SendText method received for a radio, oldest first. */
    public List<String> textsOf(String radioId) {
        return namespace == null ? List.of() : namespace.textsOf(radioId);
    }

    private void raise(String radioId, RadioEventKind kind, String message, int severity) throws Exception {
        radio(radioId).orElseThrow(() -> new IllegalArgumentException("no simulated radio " + radioId));
        RadioNamespace current;
        synchronized (this) {
            current = namespace;
        }
        if (current == null) {
            throw new IllegalStateException("the simulated gateway is not started");
        }
        current.raiseEvent(radioId, kind, message, severity);
    }

    private void raiseNextEvent() {
        long count = raisedEvents.getAndIncrement();
        String radioId = radios.get((int) (count % radios.size())).radioId();
        try {
            // Each round over the radios raises one kind, so every radio raises both kinds in turn.
            if ((count / radios.size()) % 2 == 0) {
                pressEmergencyButton(radioId);
            } else {
                reportRadioOffline(radioId);
            }
        } catch (Exception e) {
            // The server may be stopping; the next period tries again.
            LOG.warn("Simulated gateway could not raise an event of {}: {}",
                    radioId, e.toString());
        }
    }

    private Optional<SimulatedRadio> radio(String radioId) {
        return radios.stream().filter(radio -> radio.radioId().equals(radioId)).findFirst();
    }

    private IdentityValidator identityValidator() {
        IdentityValidator first = username == null ? AnonymousIdentityValidator.INSTANCE
                : new UsernameIdentityValidator(challenge -> username.equals(challenge.getUsername())
                        && password.equals(challenge.getPassword()));
        if (userCertificates.isEmpty()) {
            return first;
        }
        return new CompositeValidator(first, new X509IdentityValidator(userCertificates::contains));
    }

    private Set<EndpointConfig> endpoints() {
        UserTokenPolicy token = username == null ? OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS : OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME;
        EndpointConfig.Builder base = EndpointConfig.newBuilder()
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .setBindAddress(host)
                .setBindPort(port)
                .setHostname(host)
                .setPath(PATH)
                .setCertificate(certificate)
                .addTokenPolicies(token);
        if (!userCertificates.isEmpty()) {
            base.addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_X509);
        }
        Set<EndpointConfig> endpoints = new LinkedHashSet<>();
        endpoints.add(base.copy().setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None).build());
        for (SecurityPolicy policy : List.of(SecurityPolicy.Basic256Sha256, SecurityPolicy.Aes128_Sha256_RsaOaep)) {
            for (MessageSecurityMode mode : List.of(MessageSecurityMode.Sign, MessageSecurityMode.SignAndEncrypt)) {
                endpoints.add(base.copy().setSecurityPolicy(policy).setSecurityMode(mode).build());
            }
        }
        return endpoints;
    }
}
