package org.rescuegrid.driver.radio.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The running gateways of this node, for the console commands. */
@Component(service = GatewayDirectory.class)
public class GatewayDirectory {

    private final List<RadioGateway> gateways = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addGateway(RadioGateway gateway) {
        gateways.add(gateway);
    }

    void removeGateway(RadioGateway gateway) {
        gateways.remove(gateway);
    }

    /** Returns the gateways ordered by name. */
    public List<RadioGateway> gateways() {
        List<RadioGateway> sorted = new ArrayList<>(gateways);
        sorted.sort(Comparator.comparing(RadioGateway::name));
        return sorted;
    }

    /** Returns every radio of every gateway, ordered by radio id. */
    public List<RadioSnapshot> radios() {
        List<RadioSnapshot> radios = new ArrayList<>();
        for (RadioGateway gateway : gateways) {
            radios.addAll(gateway.radios());
        }
        radios.sort(Comparator.comparing(RadioSnapshot::radioId));
        return radios;
    }
}
