package org.rescuegrid.api.bus;

/**
 * Names of the shared objects the bus binds in the platform CamelContext's registry, so that drivers
 * reuse the node's transports instead of starting thread pools of their own.
 */
public final class BusBeans {

    /** Netty event loop group that accepts TCP connections for every driver; reference it as {@code bossGroup=#...}. */
    public static final String NETTY_BOSS_GROUP = "rescuegridNettyBossGroup";

    /** Netty event loop group that serves the I/O of every driver connection; reference it as {@code workerGroup=#...}. */
    public static final String NETTY_WORKER_GROUP = "rescuegridNettyWorkerGroup";

    private BusBeans() {
    }
}
