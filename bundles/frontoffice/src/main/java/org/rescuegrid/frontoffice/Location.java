package org.rescuegrid.frontoffice;

/**
 * A place in WGS84 degrees, with the gazetteer name it was given by, if any.
 *
 * @param landmark gazetteer name, or null when the caller gave coordinates
 */
public record Location(double latitude, double longitude, String landmark) {

    public Location {
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("latitude " + latitude + " is outside -90..90 degrees");
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("longitude " + longitude + " is outside -180..180 degrees");
        }
    }

    public static Location of(double latitude, double longitude) {
        return new Location(latitude, longitude, null);
    }
}
