package org.rescuegrid.frontoffice.internal.rest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.rescuegrid.api.audit.AuditLog;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.rest.ApiRequest;
import org.rescuegrid.frontoffice.rest.ApiResponse;
import org.rescuegrid.frontoffice.rest.RestResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Serves the front office's REST API ({@link RestApi}) on the node's HTTP server, with users of the
 * Karaf JAAS realm {@value #JAAS_REALM}. Vert.x reads a whole request body, up to the bus's
 * {@code httpMaxBodyBytes}, before the credentials are checked.
 */
@Component(service = RoutesBuilder.class)
public class RestApiRoutes extends RouteBuilder {

    static final String ROUTE_ID = "rescuegrid-frontoffice-rest";
    static final String JAAS_REALM = "karaf";

    private static final Logger LOG = LoggerFactory.getLogger(RestApiRoutes.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final RestApi api;
    private final List<RestResource> resources = new CopyOnWriteArrayList<>();
    private volatile AuditLog audit;

    @Activate
    public RestApiRoutes(@Reference FrontOfficeService frontOffice) {
        this.api = new RestApi(frontOffice, new JaasAuthenticator(JAAS_REALM), entry -> {
            AuditLog log = audit;
            if (log != null) {
                log.record(entry);
            }
        }, () -> List.copyOf(resources));
    }

    /** Binds another bundle's resources below {@link RestResource#BASE}, such as the back office's procedures and compliance. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindResource(RestResource resource) {
        resources.add(resource);
        LOG.info("REST resources {} added below {}", resource.roots(), RestApi.BASE);
    }

    void unbindResource(RestResource resource) {
        resources.remove(resource);
    }

    /** Binds the back office's audit trail, where it is installed, so that changes made over REST are recorded there. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindAudit(AuditLog log) {
        this.audit = log;
    }

    void unbindAudit(AuditLog log) {
        if (this.audit == log) {
            this.audit = null;
        }
    }

    private static String remoteAddress(Message message) {
        Object address = message.getHeader("CamelVertxPlatformHttpRemoteAddress");
        return address == null ? null : address.toString();
    }

    @Override
    public void configure() {
        from("platform-http:" + RestApi.BASE + "?matchOnUriPrefix=true")
                .routeId(ROUTE_ID)
                .process(this::handle);
        LOG.info("Front office REST API on {}, users of JAAS realm {}", RestApi.BASE, JAAS_REALM);
    }

    private void handle(Exchange exchange) throws JsonProcessingException {
        Message message = exchange.getMessage();
        ApiRequest request = new ApiRequest(message.getHeader(Exchange.HTTP_METHOD, String.class),
                relativePath(message.getHeader(Exchange.HTTP_URI, String.class)), message.getHeader(Exchange.HTTP_QUERY, String.class),
                message.getHeader("Authorization", String.class), message.getHeader(Exchange.CONTENT_TYPE, String.class),
                message.getBody(String.class), remoteAddress(message));
        ApiResponse response;
        try {
            response = api.handle(request);
        } catch (RuntimeException e) {
            LOG.error("REST {} {} failed: {}", request.method(), request.path(), e.toString(), e);
            response = ApiResponse.of(500, JsonViews.error("the node failed to handle the request; see the node's log"));
        }
        // TODO: failed logins are logged but not rate-limited, so the API does not slow down password guessing.
        if (response.status() == 401 || response.status() == 403) {
            LOG.warn("REST {} {} rejected with {}", request.method(), request.path(), response.status());
        }
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, response.status());
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        message.setBody(JSON.writeValueAsString(response.body()));
    }

    /** Returns the part of a request URI below {@link RestApi#BASE}, without the query string. */
    static String relativePath(String uri) {
        if (uri == null) {
            return "";
        }
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        int base = path.indexOf(RestApi.BASE);
        return base < 0 ? path : path.substring(base + RestApi.BASE.length());
    }
}
