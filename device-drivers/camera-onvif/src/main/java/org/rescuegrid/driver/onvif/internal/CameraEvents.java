package org.rescuegrid.driver.onvif.internal;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.rescuegrid.api.bus.BusEndpoints;
import org.rescuegrid.api.event.DeviceEvent;
import org.rescuegrid.api.event.StoredDeviceEvent;

/**
 * Carries camera events to the bus. The bus adds this route to the platform CamelContext, which
 * gives the driver the context to send with. An event that arrives before that waits up to
 * {@link #READY_TIMEOUT_SECONDS}, as the bus endpoints themselves wait for a redeployed consumer.
 */
@Component(service = {RoutesBuilder.class, CameraEvents.class})
public class CameraEvents extends RouteBuilder {

    static final String ENDPOINT = "direct:rescuegrid.camera-onvif.event";
    static final String ROUTE_ID = "camera-onvif-events";
    static final long READY_TIMEOUT_SECONDS = 30;

    private final CompletableFuture<ProducerTemplate> producer = new CompletableFuture<>();

    @Override
    public void configure() {
        from(ENDPOINT).routeId(ROUTE_ID).to(BusEndpoints.DEVICE_EVENT);
        producer.complete(getContext().createProducerTemplate());
    }

    @Deactivate
    void deactivate() throws Exception {
        ProducerTemplate current = producer.getNow(null);
        producer.cancel(false);
        if (current != null) {
            current.stop();
        }
    }

    /** Sends an event to the bus and returns it as stored; throws when the bus is not ready or the store fails. */
    StoredDeviceEvent publish(DeviceEvent event) {
        ProducerTemplate current;
        try {
            current = producer.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException | CancellationException e) {
            throw new IllegalStateException("the platform bus did not add the camera event route within "
                    + READY_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the platform bus", e);
        }
        return current.requestBody(ENDPOINT, event, StoredDeviceEvent.class);
    }
}
