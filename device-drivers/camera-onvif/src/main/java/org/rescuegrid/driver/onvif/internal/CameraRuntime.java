package org.rescuegrid.driver.onvif.internal;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The threads and the HTTP client that all cameras of the node share. Pull-point requests, the
 * long waits, are sent asynchronously and hold no scheduler thread while the camera waits for
 * events. Connecting, renewing, snapshots and PTZ still block a scheduler thread for one request
 * at a time.
 */
@Component(service = CameraRuntime.class)
public class CameraRuntime {

    static final int THREADS = 6;

    private final ScheduledThreadPoolExecutor scheduler;
    private final HttpClient httpClient;

    @Activate
    public CameraRuntime() {
        AtomicInteger count = new AtomicInteger();
        scheduler = new ScheduledThreadPoolExecutor(THREADS, task -> {
            Thread thread = new Thread(task, "rescuegrid-camera-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        // The client keeps its default executor on purpose: a blocking call waits for a completion that
        // runs on that executor, so sharing the scheduler would deadlock once every scheduler thread waits.
        httpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        scheduler.shutdownNow();
        scheduler.awaitTermination(2, TimeUnit.SECONDS);
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    HttpClient httpClient() {
        return httpClient;
    }
}
