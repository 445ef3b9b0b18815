package org.rescuegrid.store.internal;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rescuegrid.api.bus.BusEndpoints;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.api.position.PositionStore;
import org.rescuegrid.api.position.StoredPosition;

/**
 * Takes decoded fixes from the bus and stores them. The caller waits for the commit, so a driver that
 * acknowledges its device after this call returns never acknowledges a fix that is not stored; a failure
 * is thrown back to the driver, which keeps the device's frame unacknowledged.
 */
@Component(service = RoutesBuilder.class)
public class PositionIntakeRoutes extends RouteBuilder {

    static final String ROUTE_ID = "rescuegrid-position-store";

    private final PositionStore store;

    @Activate
    public PositionIntakeRoutes(@Reference PositionStore store) {
        this.store = store;
    }

    @Override
    public void configure() {
        from(BusEndpoints.POSITION)
                .routeId(ROUTE_ID)
                .process(this::store)
                .wireTap(BusEndpoints.POSITION_STORED);
    }

    private void store(Exchange exchange) throws InvalidPayloadException {
        PositionFix fix = exchange.getMessage().getMandatoryBody(PositionFix.class);
        StoredPosition stored = store.store(fix);
        exchange.getMessage().setBody(stored);
    }
}
