package org.rescuegrid.bus.internal;

import java.util.concurrent.atomic.AtomicLong;

import io.vertx.ext.web.RoutingContext;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replies to a request whose body is over the server's limit with a JSON message that names the limit and the
 * setting, where Vert.x would send a bare "Request Entity Too Large" and log an unhandled router failure.
 */
final class OversizedBodyReply {

    private static final Logger LOG = LoggerFactory.getLogger(OversizedBodyReply.class);

    /** Rejections are logged for the first ten, then every thousandth, so a flood of large bodies cannot fill the log. */
    private static final long LOGGED_FIRST = 10;
    private static final long LOGGED_EVERY = 1000;

    private final long limitBytes;
    private final AtomicLong rejected = new AtomicLong();

    private OversizedBodyReply(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    /** Installs the reply as a failure handler of the node's HTTP router; does nothing when the router is not bound. */
    static void install(CamelContext camel, long limitBytes) {
        OversizedBodyReply reply = new OversizedBodyReply(limitBytes);
        camel.getRegistry().findByType(VertxPlatformHttpRouter.class)
                .forEach(router -> router.route().failureHandler(reply::handle));
    }

    private void handle(RoutingContext context) {
        if (context.statusCode() != 413 || context.response().ended()) {
            context.next();
            return;
        }
        long count = rejected.incrementAndGet();
        if (count <= LOGGED_FIRST || count % LOGGED_EVERY == 0) {
            LOG.warn("HTTP {} {} from {} rejected: body over httpMaxBodyBytes={} ({} rejected so far)", context.request().method(),
                    context.request().path(), context.request().remoteAddress(), limitBytes, count);
        }
        context.response()
                .setStatusCode(413)
                .putHeader("Content-Type", "application/json")
                .putHeader("Connection", "close")
                .end("{\"error\":\"request body is larger than this node's limit of " + limitBytes
                        + " bytes; send less, or raise httpMaxBodyBytes in etc/org.rescuegrid.bus.cfg\"}");
    }
}
