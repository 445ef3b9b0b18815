package org.rescuegrid.store.internal;

import java.util.concurrent.CompletionException;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.AsyncProcessorSupport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rescuegrid.api.bus.BusEndpoints;
import org.rescuegrid.api.event.DeviceEvent;
import org.rescuegrid.api.event.DeviceEventStore;
import org.rescuegrid.api.position.PositionFix;

/**
 * Takes decoded fixes and device events from the bus and stores them. The reply comes after the commit,
 * so a driver that acknowledges its device on the reply never acknowledges an unstored record. A failure
 * is set on the exchange, and the driver then leaves the device's frame unacknowledged.
 *
 * <p>Positions are stored asynchronously: the route hands the fix to the store's position writer and
 * continues on the writer's thread after the group commit, so a caller that sends with an asynchronous
 * producer keeps no thread waiting for the commit. Device events are still stored on the caller's thread.
 */
@Component(service = RoutesBuilder.class)
public class IntakeRoutes extends RouteBuilder {

    static final String POSITION_ROUTE_ID = "rescuegrid-position-store";
    static final String DEVICE_EVENT_ROUTE_ID = "rescuegrid-device-event-store";

    private final DerbyPositionStore positions;
    private final DeviceEventStore events;

    @Activate
    public IntakeRoutes(@Reference DerbyPositionStore positions, @Reference DeviceEventStore events) {
        this.positions = positions;
        this.events = events;
    }

    @Override
    public void configure() {
        // A record that cannot be stored goes back to the driver, which counts it and logs at a limited rate.
        // Camel's default handler would log every failed exchange with its stack trace: when the position
        // writers' queue is full that is thousands of ERROR lines a second on the network threads.
        errorHandler(noErrorHandler());

        from(BusEndpoints.POSITION)
                .routeId(POSITION_ROUTE_ID)
                .process(new StorePosition())
                .wireTap(BusEndpoints.POSITION_STORED);

        from(BusEndpoints.DEVICE_EVENT)
                .routeId(DEVICE_EVENT_ROUTE_ID)
                .process(this::storeEvent)
                .wireTap(BusEndpoints.DEVICE_EVENT_STORED);
    }

    /** Queues the fix for the group commit and completes the exchange with the stored position. */
    private final class StorePosition extends AsyncProcessorSupport {

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            PositionFix fix;
            try {
                fix = exchange.getMessage().getMandatoryBody(PositionFix.class);
            } catch (InvalidPayloadException e) {
                exchange.setException(e);
                callback.done(true);
                return true;
            }
            positions.submit(fix).whenComplete((stored, failure) -> {
                if (failure != null) {
                    exchange.setException(failure instanceof CompletionException ? failure.getCause() : failure);
                } else {
                    exchange.getMessage().setBody(stored);
                }
                callback.done(false);
            });
            return false;
        }
    }

    private void storeEvent(Exchange exchange) throws InvalidPayloadException {
        DeviceEvent event = exchange.getMessage().getMandatoryBody(DeviceEvent.class);
        exchange.getMessage().setBody(events.store(event));
    }
}
