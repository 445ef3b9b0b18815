package org.rescuegrid.hq.internal;

import java.util.Set;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rejects HQ requests without a known province token before their body is read. Vert.x buffers a whole
 * body before the Camel route runs, so without this gate anyone could make HQ buffer large bodies.
 */
final class TokenGate {

    private static final Logger LOG = LoggerFactory.getLogger(TokenGate.class);

    private final Route route;

    private TokenGate(Route route) {
        this.route = route;
    }

    /**
     * Installs the gate in front of every route under {@code pathPrefix} on the node's HTTP router. Returns
     * a gate that does nothing when the router cannot be found, so that HQ still runs with the token check
     * of its route and the server's body size limit.
     */
    static TokenGate install(CamelContext camel, String pathPrefix, ProvinceTokens provinces) {
        // The server binds its router under a name that contains its port, which HQ does not know, so it is found by type.
        Set<VertxPlatformHttpRouter> routers = camel.getRegistry().findByType(VertxPlatformHttpRouter.class);
        VertxPlatformHttpRouter router = routers.stream()
                .filter(VertxPlatformHttpRouter::isMainServer)
                .findFirst()
                .orElse(routers.isEmpty() ? null : routers.iterator().next());
        if (router == null) {
            LOG.warn("HQ could not find the node's HTTP router, so request bodies are read before the token is checked;"
                    + " the server's httpMaxBodyBytes limit still applies");
            return new TokenGate(null);
        }
        Route route = router.route(pathPrefix + "*").order(Integer.MIN_VALUE).handler(context -> check(context, provinces));
        return new TokenGate(route);
    }

    void remove() {
        if (route != null) {
            route.remove();
        }
    }

    private static void check(RoutingContext context, ProvinceTokens provinces) {
        String header = context.request().getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        if (provinces.provinceOf(token).isPresent()) {
            context.next();
            return;
        }
        LOG.warn("HQ rejected a request from {} to {} with a missing or unknown token", context.request().remoteAddress(), context.request().path());
        context.response()
                .setStatusCode(401)
                .putHeader("Content-Type", "application/json")
                .putHeader("Connection", "close")
                .end("{\"error\":\"missing or unknown token; send the province's token as 'Authorization: Bearer TOKEN'\"}");
    }
}
