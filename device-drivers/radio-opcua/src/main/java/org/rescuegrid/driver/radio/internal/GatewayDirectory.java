package org.rescuegrid.driver.radio.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.rescuegrid.api.radio.RadioMessenger;

/** The running gateways of this node, for the console commands and for services that send text to radios. */
@Component(service = {GatewayDirectory.class, RadioMessenger.class})
public class GatewayDirectory implements RadioMessenger {

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

    @Override
    public boolean reaches(String radioId) {
        return gateways.stream().anyMatch(gateway -> gateway.hasRadio(radioId) && gateway.gatewayStatus().state() == GatewayStatus.State.ONLINE);
    }

    @Override
    public void sendText(String radioId, String text) {
        String message = text == null ? "" : text.strip();
        if (message.isEmpty() || message.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("text of " + message.length() + " characters is invalid; send 1-" + MAX_TEXT_LENGTH + " characters");
        }
        RadioGateway gateway = gateways().stream()
                .filter(candidate -> candidate.hasRadio(radioId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("radio '" + radioId + "' is not on any gateway; see rescue:radio-list"));
        gateway.sendText(radioId, message);
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
