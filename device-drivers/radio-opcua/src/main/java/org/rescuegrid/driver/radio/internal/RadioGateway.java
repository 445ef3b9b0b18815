package org.rescuegrid.driver.radio.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.eclipse.milo.opcua.stack.core.Stack;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.rescuegrid.api.bus.BusEndpoints;
import org.rescuegrid.api.device.DeviceErrorKind;
import org.rescuegrid.api.device.DeviceRegistry;
import org.rescuegrid.api.driver.DeviceDriver;
import org.rescuegrid.api.driver.DriverStatus;
import org.rescuegrid.api.event.DeviceEvent;
import org.rescuegrid.api.event.DeviceEventTypes;
import org.rescuegrid.driver.support.RepeatLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One radio gateway per factory configuration ({@code etc/org.rescuegrid.driver.radio-NAME.cfg}). Every
 * change of a radio's values becomes a {@code radio.status} device event on the bus, which returns after
 * the commit; the radio id is the device id, so the store links the event to the radio's vehicle.
 * Activation only checks the configuration: the connection is made on Milo's shared scheduler.
 */
@Component(service = {DeviceDriver.class, RadioGateway.class}, configurationPid = RadioGatewaySettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = RadioGatewayConfig.class, factory = true)
public class RadioGateway implements DeviceDriver, RadioListener {

    static final String PROTOCOL = "opcua-radio";
    private static final Logger LOG = LoggerFactory.getLogger(RadioGateway.class);

    private final RadioGatewaySettings settings;
    private final DeviceRegistry registry;
    private final ProducerTemplate producer;
    private final GatewayClient client;
    private final Set<String> heard = ConcurrentHashMap.newKeySet();
    private final RepeatLimiter storeFailures = new RepeatLimiter();

    @Activate
    public RadioGateway(@Reference DeviceRegistry registry, @Reference CamelContext camel, RadioGatewayConfig config) {
        this.settings = RadioGatewaySettings.from(config);
        this.registry = registry;
        this.producer = camel.createProducerTemplate();
        Path securityFolder = Path.of(System.getProperty("karaf.etc", "etc"), "opcua");
        this.client = new GatewayClient(settings, securityFolder, this, Stack.sharedScheduledExecutor(), Stack.sharedExecutor());
        client.start();
    }

    @Deactivate
    void deactivate() {
        client.stop();
        try {
            producer.stop();
        } catch (RuntimeException e) {
            LOG.debug("gateway={} producer did not stop cleanly: {}", settings.name(), e.toString());
        }
    }

    String name() {
        return settings.name();
    }

    GatewayStatus gatewayStatus() {
        return client.status();
    }

    List<RadioSnapshot> radios() {
        return client.radios();
    }

    boolean hasRadio(String radioId) {
        return client.radio(radioId).isPresent();
    }

    /** Sends a text to a radio through the gateway's SendText method; see {@link GatewayClient#sendText}. */
    void sendText(String radioId, String text) {
        client.sendText(radioId, text);
    }

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public String endpoint() {
        return settings.endpointUrl();
    }

    @Override
    public DriverStatus status() {
        GatewayStatus status = client.status();
        return switch (status.state()) {
            case ONLINE -> DriverStatus.online();
            case CONNECTING -> DriverStatus.unknown(status.detail());
            default -> DriverStatus.offline(status.detail());
        };
    }

    @Override
    public void radioHeard(String radioId) {
        if (heard.add(radioId)) {
            registry.connected(radioId, PROTOCOL);
        } else {
            registry.contact(radioId, PROTOCOL);
        }
    }

    @Override
    public void radioChanged(RadioSnapshot snapshot) {
        LOG.debug("gateway={} device={} status {} ({})", settings.name(), snapshot.radioId(), snapshot.statusCode(),
                snapshot.unitStatus() == null ? "unmapped" : snapshot.unitStatus().label());
        send(new DeviceEvent(snapshot.radioId(), DeviceEventTypes.RADIO_STATUS, Instant.now(), snapshot.attributes()));
    }

    @Override
    public void radioAlert(RadioAlert alert) {
        LOG.info("gateway={} device={} {} at {}: {}", settings.name(), alert.radioId(), alert.kind().deviceEventType(), alert.time(),
                alert.message());
        if (alert.kind() == RadioAlert.Kind.OFFLINE) {
            heard.remove(alert.radioId());
            registry.disconnected(alert.radioId());
        }
        send(new DeviceEvent(alert.radioId(), alert.kind().deviceEventType(), alert.time(), alert.attributes()));
    }

    @Override
    public void radiosUnreachable(Collection<String> radioIds) {
        for (String radioId : radioIds) {
            heard.remove(radioId);
            registry.disconnected(radioId);
            send(new DeviceEvent(radioId, DeviceEventTypes.RADIO_OFFLINE, Instant.now(),
                    Map.of("gateway", settings.name(), "reason", "gateway connection lost")));
        }
    }

    private void send(DeviceEvent event) {
        try {
            producer.requestBody(BusEndpoints.DEVICE_EVENT, event);
        } catch (RuntimeException e) {
            registry.error(event.deviceId(), DeviceErrorKind.STORE_FAILED);
            long count = storeFailures.increment();
            if (storeFailures.shouldLog(count)) {
                LOG.warn("gateway={} device={} {} event could not be stored and is lost ({} lost so far): {}", settings.name(),
                        event.deviceId(), event.type(), count, e.getMessage());
            }
        }
    }
}
