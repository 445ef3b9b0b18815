package org.rescuegrid.uplink.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.regex.Pattern;

/** The uplink configuration after validation: every rejected value is named in the exception with its fix. */
record UplinkSettings(String province, URI hqUrl, String token, int batchSize, long pollIntervalMs,
        Duration maxBackoff, Duration requestTimeout) {

    private static final Pattern PROVINCE = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final String PID = "org.rescuegrid.uplink";

    static UplinkSettings from(UplinkConfig config) {
        String province = config.province() == null ? "" : config.province().strip();
        if (!PROVINCE.matcher(province).matches()) {
            throw invalid("province", province, "1-32 letters, digits, '.', '_' or '-', for example PB-LHR");
        }

        URI url;
        try {
            url = new URI(config.hqUrl().strip());
        } catch (URISyntaxException e) {
            throw invalid("hqUrl", config.hqUrl(), "an http or https URL such as http://127.0.0.1:8123/hq/v1/batches");
        }
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
            throw invalid("hqUrl", config.hqUrl(), "an http or https URL such as http://127.0.0.1:8123/hq/v1/batches");
        }

        String token = config.token() == null ? "" : config.token().strip();
        if (token.startsWith("$[")) {
            throw new IllegalArgumentException(PID + ": token '" + token + "' is an unresolved placeholder;"
                    + " create the secret file it names in the node's etc folder");
        }
        if (token.length() < 16) {
            throw new IllegalArgumentException(PID + ": token is " + token.length()
                    + " characters long; set the province's token issued by HQ, at least 16 characters");
        }

        requireRange("batchSize", config.batchSize(), 1, 5000);
        requireRange("pollIntervalMs", config.pollIntervalMs(), 100, 60_000);
        requireRange("maxBackoffSeconds", config.maxBackoffSeconds(), 1, 3600);
        requireRange("requestTimeoutSeconds", config.requestTimeoutSeconds(), 1, 300);

        return new UplinkSettings(province, url, token, config.batchSize(), config.pollIntervalMs(),
                Duration.ofSeconds(config.maxBackoffSeconds()), Duration.ofSeconds(config.requestTimeoutSeconds()));
    }

    private static void requireRange(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw invalid(key, String.valueOf(value), "a whole number from " + min + " to " + max);
        }
    }

    private static IllegalArgumentException invalid(String key, String value, String expected) {
        return new IllegalArgumentException(PID + ": " + key + "='" + value + "' is invalid; set " + expected);
    }
}
