package org.rescuegrid.store.internal;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rescuegrid.api.bus.BusEndpoints;
import org.rescuegrid.api.event.DeviceEvent;
import org.rescuegrid.api.event.DeviceEventStore;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.api.position.PositionStore;

/**
 * Takes decoded fixes and device events from the bus and stores them. The caller waits for the commit,
 * so a driver that acknowledges its device after this call returns never acknowledges an unstored record.
 * A failure is thrown back to the driver, which then leaves the device's frame unacknowledged.
 */
@Component(service = RoutesBuilder.class)
public class IntakeRoutes extends RouteBuilder {

    static final String POSITION_ROUTE_ID = "rescuegrid-position-store";
    static final String DEVICE_EVENT_ROUTE_ID = "rescuegrid-device-event-store";

    private final PositionStore positions;
    private final DeviceEventStore events;

    @Activate
    public IntakeRoutes(@Reference PositionStore positions, @Reference DeviceEventStore events) {
        this.positions = positions;
        this.events = events;
    }

    @Override
    public void configure() {
        from(BusEndpoints.POSITION)
                .routeId(POSITION_ROUTE_ID)
                .process(this::storePosition)
                .wireTap(BusEndpoints.POSITION_STORED);

        from(BusEndpoints.DEVICE_EVENT)
                .routeId(DEVICE_EVENT_ROUTE_ID)
                .process(this::storeEvent)
                .wireTap(BusEndpoints.DEVICE_EVENT_STORED);
    }

    private void storePosition(Exchange exchange) throws InvalidPayloadException {
        PositionFix fix = exchange.getMessage().getMandatoryBody(PositionFix.class);
        exchange.getMessage().setBody(positions.store(fix));
    }

    private void storeEvent(Exchange exchange) throws InvalidPayloadException {
        DeviceEvent event = exchange.getMessage().getMandatoryBody(DeviceEvent.class);
        exchange.getMessage().setBody(events.store(event));
    }
}
