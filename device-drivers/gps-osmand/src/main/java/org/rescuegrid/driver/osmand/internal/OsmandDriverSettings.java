package org.rescuegrid.driver.osmand.internal;

import java.util.regex.Pattern;

/** The endpoint configuration after validation; every rejected value is named with the accepted form. */
record OsmandDriverSettings(String path, int maxBodyBytes) {

    static final String PID = "org.rescuegrid.driver.osmand";
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._-]+)+");

    static OsmandDriverSettings from(OsmandDriverConfig config) {
        String path = config.path() == null ? "" : config.path().strip();
        if (!PATH.matcher(path).matches()) {
            throw invalid("path", path, "a path such as /osmand: segments of letters, digits, '.', '_' or '-', each after a '/'");
        }
        if (config.maxBodyBytes() < 256 || config.maxBodyBytes() > 1_048_576) {
            throw invalid("maxBodyBytes", String.valueOf(config.maxBodyBytes()), "a whole number from 256 to 1048576");
        }
        return new OsmandDriverSettings(path, config.maxBodyBytes());
    }

    private static IllegalArgumentException invalid(String key, String value, String expected) {
        return new IllegalArgumentException(PID + ": " + key + "='" + value + "' is invalid; set " + expected);
    }
}
