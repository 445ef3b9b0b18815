package org.rescuegrid.simulators.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link RadioGatewayServer} for the demo, configured by {@code etc/org.rescuegrid.simulator.radio.cfg}.
 * The server starts in activation because it only binds a local port, which takes milliseconds.
 */
@Component(immediate = true, configurationPid = RadioGatewaySimulator.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = RadioGatewaySimulatorConfig.class)
public class RadioGatewaySimulator {

    static final String PID = "org.rescuegrid.simulator.radio";
    private static final Logger LOG = LoggerFactory.getLogger(RadioGatewaySimulator.class);
    private static final Pattern RADIO_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RadioGatewayServer server;

    @Activate
    void activate(RadioGatewaySimulatorConfig config) throws Exception {
        if (!config.enabled()) {
            LOG.info("Radio gateway simulator is disabled (enabled=false in {})", PID);
            return;
        }
        String host = config.host() == null ? "" : config.host().strip();
        if (host.isEmpty()) {
            throw invalid("host", host, "an address such as 127.0.0.1");
        }
        if (config.port() < 1 || config.port() > 65535) {
            throw invalid("port", String.valueOf(config.port()), "a whole number from 1 to 65535");
        }
        if (config.stepSeconds() < 1 || config.stepSeconds() > 3600) {
            throw invalid("stepSeconds", String.valueOf(config.stepSeconds()), "a whole number from 1 to 3600");
        }
        if (config.eventSeconds() < 0 || config.eventSeconds() > 86_400) {
            throw invalid("eventSeconds", String.valueOf(config.eventSeconds()), "a whole number from 0 (no events) to 86400");
        }
        List<String> radioIds = new ArrayList<>();
        for (String raw : config.radios()) {
            String id = raw == null ? "" : raw.strip();
            if (id.isEmpty()) {
                continue;
            }
            if (!RADIO_ID.matcher(id).matches() || radioIds.contains(id)) {
                throw invalid("radios", id, "distinct ids of 1-64 characters from A-Z, a-z, 0-9, '.', '_', ':' and '-'");
            }
            radioIds.add(id);
        }
        if (radioIds.isEmpty()) {
            throw invalid("radios", "", "at least one radio id");
        }
        String username = config.username() == null || config.username().isBlank() ? null : config.username().strip();

        server = new RadioGatewayServer(host, config.port(), radioIds, username, config.password(), null);
        server.start();
        server.changeEvery(config.stepSeconds() * 1000L, new Random());
        if (config.eventSeconds() > 0) {
            server.raiseEventsEvery(config.eventSeconds() * 1000L);
        }
        LOG.info("Radio gateway simulator listening on {} with radios {}, changing every {} s, {}, {}", server.endpointUrl(), radioIds,
                config.stepSeconds(), config.eventSeconds() > 0 ? "an event every " + config.eventSeconds() + " s" : "no events",
                username == null ? "anonymous access" : "user " + username);
    }

    @Deactivate
    void deactivate() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
            LOG.info("Radio gateway simulator stopped");
        }
    }

    private static IllegalArgumentException invalid(String key, String value, String expected) {
        return new IllegalArgumentException(PID + ": " + key + "='" + value + "' is invalid; set " + expected);
    }
}
