package org.rescuegrid.driver.osmand.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
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
import org.rescuegrid.driver.osmand.internal.decoder.InvalidParameterException;
import org.rescuegrid.driver.osmand.internal.decoder.OsmandDecoder;
import org.rescuegrid.driver.osmand.internal.decoder.OsmandReport;
import org.rescuegrid.driver.osmand.internal.decoder.QueryString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OsmAnd endpoint per factory configuration ({@code etc/org.rescuegrid.driver.osmand-NAME.cfg}) on
 * the node's shared HTTP server. A request is answered 200 only after its positions and events are
 * committed through the bus, 400 naming the bad parameter, 413 for an oversized body, and 503 when the
 * store fails, so that the app keeps the location and sends it again.
 */
@Component(service = {RoutesBuilder.class, DeviceDriver.class}, configurationPid = OsmandDriverSettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = OsmandDriverConfig.class, factory = true)
public class OsmandDriver extends RouteBuilder implements DeviceDriver {

    static final String PROTOCOL = "osmand";
    private static final Logger LOG = LoggerFactory.getLogger(OsmandDriver.class);
    private static final int LOG_FIRST = 5;
    private static final int LOG_EVERY = 1000;

    private final OsmandDriverSettings settings;
    private final DeviceRegistry registry;
    private final OsmandDecoder decoder = new OsmandDecoder(Clock.systemUTC());
    private final ReportEvents reportEvents = new ReportEvents();
    private final AtomicLong rejected = new AtomicLong();
    private final String routeId;
    private volatile ProducerTemplate bus;

    @Activate
    public OsmandDriver(@Reference DeviceRegistry registry, OsmandDriverConfig config) {
        this.registry = registry;
        this.settings = OsmandDriverSettings.from(config);
        this.routeId = "gps-osmand" + settings.path().replace('/', '-');
        LOG.info("OsmAnd endpoint configured on path {} of the node's HTTP server", settings.path());
    }

    @Deactivate
    void deactivate() throws Exception {
        ProducerTemplate template = bus;
        if (template != null) {
            template.stop();
        }
        LOG.info("OsmAnd endpoint on path {} stopped", settings.path());
    }

    @Override
    public void configure() {
        bus = getContext().createProducerTemplate();
        from("platform-http:" + settings.path() + "?httpMethodRestrict=GET,POST")
                .routeId(routeId)
                .process(this::receive);
    }

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public String endpoint() {
        return "http path " + settings.path();
    }

    @Override
    public DriverStatus status() {
        ServiceStatus status = getContext() == null ? null : getContext().getRouteController().getRouteStatus(routeId);
        if (status == null) {
            return DriverStatus.unknown("route " + routeId + " is not added yet; the platform bus may still be starting");
        }
        return status.isStarted() ? DriverStatus.online() : DriverStatus.offline("route " + routeId + " is " + status
                + "; see the log for why the endpoint on " + settings.path() + " did not start");
    }

    private void receive(Exchange exchange) {
        String query = exchange.getMessage().getHeader(Exchange.HTTP_QUERY, String.class);
        String contentType = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class);
        // The HTTP server hands a form body over already parsed, as a map of names to a value or a list of values.
        Map<?, ?> form = exchange.getMessage().getBody() instanceof Map<?, ?> map ? map : null;
        String body = form == null ? exchange.getMessage().getBody(String.class) : null;
        Object remote = exchange.getMessage().getHeader("CamelVertxPlatformHttpRemoteAddress");
        exchange.getMessage().removeHeaders("*");

        if (body != null && body.length() > settings.maxBodyBytes()) {
            respond(exchange, 413, "request body of " + body.length() + " characters exceeds maxBodyBytes=" + settings.maxBodyBytes());
            return;
        }
        List<OsmandReport> reports;
        try {
            reports = decode(query, contentType, body, form);
        } catch (InvalidParameterException e) {
            reject(exchange, remote, query, e);
            return;
        }

        String deviceId = reports.get(0).deviceId();
        registry.contact(deviceId, PROTOCOL);
        try {
            for (OsmandReport report : reports) {
                if (report.fix() != null) {
                    bus.requestBody(BusEndpoints.POSITION, report.fix());
                    registry.fixReceived(deviceId);
                }
                for (DeviceEvent event : reportEvents.of(report)) {
                    bus.requestBody(BusEndpoints.DEVICE_EVENT, event);
                }
            }
        } catch (RuntimeException e) {
            registry.error(deviceId, DeviceErrorKind.STORE_FAILED);
            LOG.error("device={} report from {} could not be stored; answered 503 so the app sends it again: {}", deviceId, remote, e.toString());
            respond(exchange, 503, "the location could not be stored; send it again later");
            return;
        }
        respond(exchange, 200, "");
    }

    private List<OsmandReport> decode(String query, String contentType, String body, Map<?, ?> form) throws InvalidParameterException {
        boolean json = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
        if (json) {
            return decoder.fromJson(body == null ? "" : body);
        }
        Map<String, String> parameters = QueryString.parse(query);
        boolean formBody = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        if (form != null) {
            for (Map.Entry<?, ?> entry : form.entrySet()) {
                parameters.put(String.valueOf(entry.getKey()).toLowerCase(Locale.ROOT), lastValue(entry.getValue()));
            }
        } else if (formBody && body != null) {
            parameters.putAll(QueryString.parse(body));
        }
        List<OsmandReport> reports = new ArrayList<>(1);
        reports.add(decoder.fromParameters(parameters));
        return reports;
    }

    private void reject(Exchange exchange, Object remote, String query, InvalidParameterException e) {
        String deviceId = deviceIdOf(query);
        if (deviceId != null) {
            registry.error(deviceId, DeviceErrorKind.UNPARSEABLE);
        }
        long count = rejected.incrementAndGet();
        if (count <= LOG_FIRST || count % LOG_EVERY == 0) {
            LOG.warn("device={} request from {} rejected with 400 ({} rejected on this endpoint): {}", deviceId == null ? "unidentified" : deviceId,
                    remote, count, e.getMessage());
        }
        respond(exchange, 400, e.getMessage());
    }

    private static String lastValue(Object value) {
        if (value instanceof List<?> values) {
            return values.isEmpty() ? "" : String.valueOf(values.get(values.size() - 1));
        }
        return String.valueOf(value);
    }

    /** Returns the device id of a rejected request when it has a well-formed one, so the error counts against that device. */
    private static String deviceIdOf(String query) {
        try {
            Map<String, String> parameters = QueryString.parse(query);
            String id = parameters.getOrDefault("id", parameters.get("deviceid"));
            return id != null && OsmandDecoder.DEVICE_ID.matcher(id).matches() ? id : null;
        } catch (InvalidParameterException e) {
            return null;
        }
    }

    private static void respond(Exchange exchange, int status, String text) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
        // Bytes, not a String, so the body is UTF-8 as the header says whatever the JVM's default charset is.
        exchange.getMessage().setBody((text.isEmpty() ? "" : text + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
