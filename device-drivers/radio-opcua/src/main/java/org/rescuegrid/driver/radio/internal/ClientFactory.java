package org.rescuegrid.driver.radio.internal;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfigBuilder;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.sdk.client.identity.X509IdentityProvider;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;

/** Discovers a gateway's endpoints and builds a client for the one with the configured security. */
final class ClientFactory {

    static final int REQUEST_TIMEOUT_MS = 10_000;

    private ClientFactory() {
    }

    /**
     * Returns a client that is not connected yet.
     *
     * @throws UaException with Bad_SecurityPolicyRejected when the gateway offers no endpoint with the policy and mode
     */
    static OpcUaClient create(RadioGatewaySettings settings, ClientSecurity security) throws Exception {
        List<EndpointDescription> endpoints = DiscoveryClient.getEndpoints(settings.endpointUrl())
                .get(REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        EndpointDescription endpoint = endpoints.stream()
                .filter(candidate -> settings.securityPolicy().getUri().equals(candidate.getSecurityPolicyUri())
                        && settings.securityMode() == candidate.getSecurityMode())
                .findFirst()
                .orElseThrow(() -> new UaException(StatusCodes.Bad_SecurityPolicyRejected, "the gateway offers no endpoint with "
                        + settings.security() + "; it offers " + offered(endpoints)));

        // Gateways often advertise a host name the node cannot resolve; keep the host and port that responded.
        URI configured = URI.create(settings.endpointUrl());
        endpoint = EndpointUtil.updateUrl(endpoint, configured.getHost(), configured.getPort() > 0 ? configured.getPort() : 4840);

        OpcUaClientConfigBuilder config = new OpcUaClientConfigBuilder()
                .setApplicationName(LocalizedText.english("RescueGrid radio driver"))
                .setApplicationUri(ClientSecurity.APPLICATION_URI)
                .setProductUri("urn:rescuegrid:driver:radio")
                .setEndpoint(endpoint)
                .setRequestTimeout(uint(REQUEST_TIMEOUT_MS))
                .setIdentityProvider(identityProvider(settings));
        if (security != null) {
            config.setKeyPair(security.keyPair())
                    .setCertificate(security.certificate())
                    .setCertificateChain(new java.security.cert.X509Certificate[] {security.certificate()})
                    .setCertificateValidator(security.validator());
        }
        return OpcUaClient.create(config.build());
    }

    private static IdentityProvider identityProvider(RadioGatewaySettings settings) {
        if (settings.userCertificate() != null) {
            return new X509IdentityProvider(settings.userCertificate().chain(), settings.userCertificate().privateKey());
        }
        if (settings.username() != null) {
            return new UsernameProvider(settings.username(), settings.password());
        }
        return new AnonymousProvider();
    }

    private static String offered(List<EndpointDescription> endpoints) {
        return endpoints.stream()
                .map(e -> SecurityPolicy.fromUriSafe(e.getSecurityPolicyUri()).map(Enum::name).orElse(e.getSecurityPolicyUri())
                        + "/" + e.getSecurityMode())
                .distinct()
                .collect(Collectors.joining(", "));
    }
}
