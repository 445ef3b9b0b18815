package org.rescuegrid.frontoffice.internal;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rescuegrid.api.bus.BusEndpoints;
import org.rescuegrid.api.event.DeviceEventTypes;
import org.rescuegrid.api.event.StoredDeviceEvent;
import org.rescuegrid.frontoffice.FrontOfficeService;

/** Feeds the unit statuses of stored {@code radio.status} events of assigned radios to {@link RadioStatusSteps}. */
@Component(service = RoutesBuilder.class)
public class RadioStatusRoutes extends RouteBuilder {

    static final String ROUTE_ID = "rescuegrid-frontoffice-radio-status";

    private final RadioStatusSteps steps;

    @Activate
    public RadioStatusRoutes(@Reference FrontOfficeService frontOffice) {
        this.steps = new RadioStatusSteps(frontOffice);
    }

    @Override
    public void configure() {
        from(BusEndpoints.DEVICE_EVENT_STORED)
                .routeId(ROUTE_ID)
                .process(exchange -> {
                    StoredDeviceEvent stored = exchange.getMessage().getMandatoryBody(StoredDeviceEvent.class);
                    if (stored.vehicleId() != null && DeviceEventTypes.RADIO_STATUS.equals(stored.event().type())) {
                        steps.apply(stored.vehicleId(), stored.event().attributes().get("unitStatus"), stored.event().time());
                    }
                });
    }
}
