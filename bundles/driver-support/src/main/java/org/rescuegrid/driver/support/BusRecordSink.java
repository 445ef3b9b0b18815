package org.rescuegrid.driver.support;

import org.apache.camel.ProducerTemplate;
import org.rescuegrid.api.bus.BusEndpoints;
import org.rescuegrid.api.event.DeviceEvent;
import org.rescuegrid.api.position.PositionFix;

/** Sends records to the bus endpoints, which return after the commit and throw when nothing was stored. */
public record BusRecordSink(ProducerTemplate template) implements RecordSink {

    @Override
    public void store(PositionFix fix) {
        template.requestBody(BusEndpoints.POSITION, fix);
    }

    @Override
    public void store(DeviceEvent event) {
        template.requestBody(BusEndpoints.DEVICE_EVENT, event);
    }
}
