package org.rescuegrid.hq.dashboard.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.rescuegrid.api.security.JaasLogin;
import org.rescuegrid.hq.HqAuditService;
import org.rescuegrid.hq.HqKpiService;
import org.rescuegrid.hq.HqReportService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Serves the HQ dashboard under {@code /hq/dashboard} and its read API under {@code /hq/api/v1} on the node's
 * HTTP server. Pages are public files with no data in them, and every figure comes from the API. The API
 * needs a dashboard login (a session cookie) or HTTP Basic credentials of the same JAAS realm, for other
 * government systems, and one of HQ's roles.
 */
@Component(service = RoutesBuilder.class, configurationPid = DashboardSettings.PID)
@Designate(ocd = DashboardConfig.class)
public class DashboardRoutes extends RouteBuilder {

    static final String PAGES = "/hq/dashboard";
    static final String API = "/hq/api/v1";

    private static final Logger LOG = LoggerFactory.getLogger(DashboardRoutes.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DashboardSettings settings;
    private final StaticResources resources;
    private final SessionStore sessions;
    private final DashboardApi api;

    @Activate
    public DashboardRoutes(@Reference(target = "(dataSourceName=hq)") DataSource hqDataSource, @Reference HqKpiService kpiService,
            @Reference HqReportService reportService, @Reference HqAuditService auditService, Map<String, Object> properties) {
        this.settings = DashboardSettings.from(properties);
        this.resources = new StaticResources(DashboardRoutes.class.getClassLoader());
        this.sessions = new SessionStore(settings.session(), Clock.systemUTC());
        BackOfficeFacts facts = new BackOfficeFacts(new ComplianceReadModel(hqDataSource), new DriverEventReadModel(hqDataSource), auditService);
        this.api = new DashboardApi(new HqReadModel(hqDataSource), kpiService, reportService, settings, Clock.systemUTC(), facts);
        LOG.info("HQ dashboard started on {} (API {}), map tiles: {}", PAGES, API,
                settings.tileUrl().isEmpty() ? "none, offline outlines" : settings.tileUrl());
    }

    @Deactivate
    void deactivate() {
        LOG.info("HQ dashboard stopped; {} sessions ended", sessions.size());
    }

    @Override
    public void configure() {
        from("platform-http:" + PAGES + "?matchOnUriPrefix=true&httpMethodRestrict=GET,HEAD,POST")
                .routeId("rescuegrid-hq-dashboard")
                .process(this::page);
        from("platform-http:" + API + "?matchOnUriPrefix=true&httpMethodRestrict=GET,HEAD")
                .routeId("rescuegrid-hq-api")
                .process(this::apiRequest);
    }

    private void page(Exchange exchange) {
        String path = HttpExchange.below(HttpExchange.path(exchange), PAGES);
        String method = HttpExchange.method(exchange);
        if (path == null) {
            HttpExchange.error(exchange, 404, "no such page");
        } else if (path.isEmpty() && !HttpExchange.path(exchange).endsWith("/")) {
            // The page links its files relative to the folder, which needs the trailing slash.
            HttpExchange.reply(exchange, 302, "text/plain", "");
            exchange.getMessage().setHeader("Location", PAGES + "/");
        } else if ("POST".equals(method) && "login".equals(path)) {
            login(exchange);
        } else if ("POST".equals(method) && "logout".equals(path)) {
            HttpExchange.cookie(exchange, HttpExchange.SESSION_COOKIE).ifPresent(sessions::close);
            HttpExchange.json(exchange, 200, "{}");
            exchange.getMessage().setHeader("Set-Cookie", HttpExchange.SESSION_COOKIE + "=; Path=/hq/; Max-Age=0; HttpOnly; SameSite=Strict");
        } else if ("POST".equals(method)) {
            HttpExchange.error(exchange, 405, "POST " + PAGES + "/" + path + " is not served; POST only to login or logout");
        } else if ("session".equals(path)) {
            session(exchange);
        } else {
            staticFile(exchange, path);
        }
    }

    private void staticFile(Exchange exchange, String path) {
        Optional<StaticResources.Resource> file = resources.find(path);
        if (file.isEmpty()) {
            HttpExchange.error(exchange, 404, "no dashboard file '" + path + "'");
            return;
        }
        HttpExchange.reply(exchange, 200, file.get().contentType(), file.get().bytes());
        // Libraries carry their version in the path; the dashboard's own files change with the bundle.
        exchange.getMessage().setHeader("Cache-Control", file.get().library() ? "public, max-age=86400" : "no-cache");
    }

    private void login(Exchange exchange) {
        String contentType = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, "", String.class);
        String body = exchange.getMessage().getBody(String.class);
        String remote = remote(exchange);
        // JSON rather than a form: the HTTP server turns form fields into message headers, and a login
        // must never travel in headers that routes or logs might copy.
        if (!contentType.startsWith("application/json")) {
            HttpExchange.error(exchange, 415, "Content-Type '" + contentType + "' is not accepted; send the login as application/json");
            return;
        }
        HttpExchange.BasicCredentials login;
        try {
            login = HttpExchange.loginBody(body);
        } catch (IllegalArgumentException e) {
            HttpExchange.error(exchange, 400, e.getMessage());
            return;
        }
        String user = login.user();
        char[] password = login.password();

        Optional<Set<String>> roles = JaasLogin.roles(settings.realm(), user, password);
        if (roles.isEmpty()) {
            LOG.warn("HQ dashboard login refused for user={} from {}: wrong user name or password", user, remote);
            HttpExchange.error(exchange, 401, "wrong user name or password");
            return;
        }
        if (!SessionStore.mayView(roles.get(), settings)) {
            LOG.warn("HQ dashboard login refused for user={} from {}: the user has neither role {} nor {}", user, remote,
                    settings.viewerRole(), settings.adminRole());
            HttpExchange.error(exchange, 403, "user " + user + " may not view the HQ dashboard; an HQ admin must give the role "
                    + settings.viewerRole());
            return;
        }

        sessions.sweep();
        boolean admin = roles.get().contains(settings.adminRole());
        String token = sessions.open(user, admin);
        LOG.info("HQ dashboard login user={} admin={} from {}", user, admin, remote);
        HttpExchange.json(exchange, 200, sessionBody(user, admin));
        exchange.getMessage().setHeader("Set-Cookie", HttpExchange.SESSION_COOKIE + "=" + token
                + "; Path=/hq/; HttpOnly; SameSite=Strict; Max-Age=" + settings.session().toSeconds());
    }

    private void session(Exchange exchange) {
        Optional<SessionStore.Session> session = HttpExchange.cookie(exchange, HttpExchange.SESSION_COOKIE).flatMap(sessions::touch);
        if (session.isEmpty()) {
            HttpExchange.error(exchange, 401, "not logged in");
            return;
        }
        HttpExchange.json(exchange, 200, sessionBody(session.get().user(), session.get().admin()));
    }

    private ObjectNode sessionBody(String user, boolean admin) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("user", user);
        body.put("admin", admin);
        body.put("tileUrl", settings.tileUrl());
        body.put("tileAttribution", settings.tileAttribution());
        body.put("staleAfterSeconds", settings.staleAfter().toSeconds());
        return body;
    }

    private void apiRequest(Exchange exchange) {
        String path = HttpExchange.below(HttpExchange.path(exchange), API);
        if ("openapi.json".equals(path)) {
            staticFile(exchange, "openapi.json");
            return;
        }
        if (!authorised(exchange)) {
            return;
        }
        try {
            api.answer(exchange, path == null ? "" : path);
        } catch (DashboardApi.BadRequest e) {
            HttpExchange.error(exchange, 400, e.getMessage());
        } catch (SQLException e) {
            LOG.error("HQ API {} failed reading the HQ database: {}", path, e.toString(), e);
            HttpExchange.error(exchange, 503, "HQ's database could not be read; retry later");
        }
    }

    /** Returns whether the request has a live session or valid Basic credentials with an HQ role; otherwise replies 401 or 403. */
    private boolean authorised(Exchange exchange) {
        if (HttpExchange.cookie(exchange, HttpExchange.SESSION_COOKIE).flatMap(sessions::touch).isPresent()) {
            return true;
        }
        Optional<HttpExchange.BasicCredentials> credentials = HttpExchange.basic(exchange);
        if (credentials.isEmpty()) {
            HttpExchange.error(exchange, 401, "log in to the dashboard, or send HTTP Basic credentials of a user with role " + settings.viewerRole());
            exchange.getMessage().setHeader("WWW-Authenticate", "Basic realm=\"RescueGrid HQ\"");
            return false;
        }
        Optional<Set<String>> roles = JaasLogin.roles(settings.realm(), credentials.get().user(), credentials.get().password());
        if (roles.isEmpty()) {
            LOG.warn("HQ API refused user={} from {}: wrong user name or password", credentials.get().user(), remote(exchange));
            HttpExchange.error(exchange, 401, "wrong user name or password");
            return false;
        }
        if (!SessionStore.mayView(roles.get(), settings)) {
            HttpExchange.error(exchange, 403, "user " + credentials.get().user() + " lacks role " + settings.viewerRole());
            return false;
        }
        return true;
    }

    private static String remote(Exchange exchange) {
        Object address = exchange.getMessage().getHeader("CamelVertxPlatformHttpRemoteAddress");
        return address == null ? "unknown address" : address.toString();
    }
}
