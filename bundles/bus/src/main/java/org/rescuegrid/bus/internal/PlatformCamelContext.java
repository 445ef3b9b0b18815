package org.rescuegrid.bus.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.RouteController;
import org.rescuegrid.api.bus.BusBeans;
import org.rescuegrid.api.config.ConfigProblemRegistrations;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the node's one CamelContext. Bundles contribute routes by registering {@link RoutesBuilder}
 * services; their routes are added when the service appears and removed when it goes away, so a bundle
 * that stops or is replaced in {@code deploy/} takes its routes with it while the rest keeps running.
 * Because every route lives in this context, bundles meet on plain {@code direct:} and {@code seda:}
 * endpoints, which is why Camel 4's missing {@code direct-vm} does not matter here.
 */
@Component(immediate = true, configurationPid = "org.rescuegrid.bus", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = BusConfig.class)
public class PlatformCamelContext {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformCamelContext.class);

    private final Object lock = new Object();
    private final Map<RoutesBuilder, List<String>> routeIdsByBuilder = new LinkedHashMap<>();
    private final List<RoutesBuilder> pending = new ArrayList<>();
    private CamelContext camel;
    private ServiceRegistration<CamelContext> registration;
    private Vertx vertx;
    private EventLoopGroup nettyBoss;
    private EventLoopGroup nettyWorkers;
    private ConfigProblemRegistrations configProblems;

    /**
     * Settings of the last successful activation in this bundle's lifetime. The component runtime creates
     * a new instance for every configuration change, so the fallback for a rejected value is kept here.
     */
    private static volatile BusSettings lastApplied = BusSettings.DEFAULTS;

    @Activate
    void activate(BundleContext bundleContext, BusConfig config) throws Exception {
        BusSettings.Resolved resolved = BusSettings.resolve(config, lastApplied);
        configProblems = new ConfigProblemRegistrations(bundleContext);
        resolved.problems().forEach(problem -> LOG.error("{}", problem.sentence()));
        configProblems.replace(resolved.problems());
        try {
            start(bundleContext, resolved.settings());
        } catch (Exception | Error e) {
            configProblems.close();
            throw e;
        }
        lastApplied = resolved.settings();
    }

    private void start(BundleContext bundleContext, BusSettings config) throws Exception {

        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName("rescuegrid");
        // Camel finds its components through resources of the bundle that embeds it, not of this one.
        ClassLoader camelLoader = CamelContext.class.getClassLoader();
        context.setApplicationContextClassLoader(camelLoader);
        withContextClassLoader(camelLoader, () -> {
            vertx = Vertx.vertx(vertxOptions(bundleContext));
            context.getRegistry().bind("vertx", Vertx.class, vertx);
            nettyBoss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("rescuegrid-netty-boss", true), NioIoHandler.newFactory());
            nettyWorkers = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("rescuegrid-netty-io", true), NioIoHandler.newFactory());
            context.getRegistry().bind(BusBeans.NETTY_BOSS_GROUP, EventLoopGroup.class, nettyBoss);
            context.getRegistry().bind(BusBeans.NETTY_WORKER_GROUP, EventLoopGroup.class, nettyWorkers);
            context.addService(new VertxPlatformHttpServer(httpServerConfig(config)));
            context.start();
        });
        awaitHttpRouter(context);
        OversizedBodyReply.install(context, config.httpMaxBodyBytes());
        LOG.info("Platform CamelContext started, HTTP server on {}:{}", config.httpHost(), config.httpPort());

        synchronized (lock) {
            camel = context;
            for (RoutesBuilder builder : pending) {
                addRoutes(builder);
            }
            pending.clear();
        }
        registration = bundleContext.registerService(CamelContext.class, context, null);
    }

    @Deactivate
    void deactivate() {
        if (configProblems != null) {
            configProblems.close();
        }
        if (registration != null) {
            registration.unregister();
        }
        synchronized (lock) {
            if (camel != null) {
                camel.stop();
                LOG.info("Platform CamelContext stopped");
            }
            camel = null;
            routeIdsByBuilder.clear();
        }
        if (vertx != null) {
            vertx.close();
            vertx = null;
        }
        // Drivers' routes are stopped above, so no channel uses the shared event loops any more.
        if (nettyBoss != null) {
            nettyBoss.shutdownGracefully();
            nettyWorkers.shutdownGracefully();
            nettyBoss = null;
            nettyWorkers = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindRoutes(RoutesBuilder builder) {
        synchronized (lock) {
            if (camel == null) {
                pending.add(builder);
            } else {
                addRoutes(builder);
            }
        }
    }

    void unbindRoutes(RoutesBuilder builder) {
        synchronized (lock) {
            pending.remove(builder);
            List<String> routeIds = routeIdsByBuilder.remove(builder);
            if (camel == null || routeIds == null) {
                return;
            }
            RouteController controller = camel.getRouteController();
            for (String routeId : routeIds) {
                try {
                    controller.stopRoute(routeId);
                    camel.removeRoute(routeId);
                    LOG.info("Route {} removed", routeId);
                } catch (Exception e) {
                    LOG.warn("Route {} could not be removed, it keeps running: {}", routeId, e.toString(), e);
                }
            }
        }
    }

    private void addRoutes(RoutesBuilder builder) {
        Set<String> before = routeIds();
        try {
            withContextClassLoader(CamelContext.class.getClassLoader(), () -> camel.addRoutes(builder));
        } catch (Exception e) {
            LOG.error("Routes of {} could not be added: {}", builder.getClass().getName(), e.toString(), e);
        }

        // Whatever part of the builder's routes was added must be removable later, even after a failure.
        Set<String> added = routeIds();
        added.removeAll(before);
        routeIdsByBuilder.put(builder, new ArrayList<>(added));
        if (!added.isEmpty()) {
            LOG.info("Routes {} added from {}", added, builder.getClass().getName());
        }
    }

    private Set<String> routeIds() {
        Set<String> ids = new HashSet<>();
        camel.getRoutes().forEach(route -> ids.add(route.getRouteId()));
        return ids;
    }

    /**
     * Waits up to ten seconds for the HTTP server to bind its router in the registry. Vert.x starts the server
     * on its event loop after the context has started, and bundles that add handlers to the router look it up
     * as soon as their routes are added.
     */
    private static void awaitHttpRouter(CamelContext context) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (context.getRegistry().findByType(VertxPlatformHttpRouter.class).isEmpty()) {
            if (System.nanoTime() > deadline) {
                LOG.warn("The HTTP server's router did not appear within 10 s; bundles that add HTTP handlers may fail to start");
                return;
            }
            Thread.sleep(50);
        }
    }

    private static VertxPlatformHttpServerConfiguration httpServerConfig(BusSettings config) {
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost(config.httpHost());
        server.setBindPort(config.httpPort());
        // Vert.x buffers a whole body before Camel receives it, so the limit is what keeps a large request from exhausting the heap.
        server.setMaxBodySize(config.httpMaxBodyBytes());
        return server;
    }

    /** Keeps Vert.x's file cache under the node's data folder instead of the working directory. */
    private static VertxOptions vertxOptions(BundleContext bundleContext) {
        String data = bundleContext.getProperty("karaf.data");
        FileSystemOptions fileSystem = new FileSystemOptions()
                .setFileCachingEnabled(false)
                .setFileCacheDir((data == null ? System.getProperty("java.io.tmpdir") : data) + "/vertx-cache");
        return new VertxOptions().setFileSystemOptions(fileSystem);
    }

    /** Runs a step with Camel's class loader as context loader, because Vert.x and Camel look up services through it. */
    private static void withContextClassLoader(ClassLoader loader, ThrowingRunnable step) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            step.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
