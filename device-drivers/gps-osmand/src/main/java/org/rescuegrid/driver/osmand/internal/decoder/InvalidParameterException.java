package org.rescuegrid.driver.osmand.internal.decoder;

/** A request parameter that is missing or invalid; the message names it, its value and the accepted form, for the 400 response. */
public final class InvalidParameterException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    InvalidParameterException(String parameter, String message) {
        super(message, null, false, false);
        this.parameter = parameter;
    }

    static InvalidParameterException invalid(String parameter, String value, String expected) {
        return new InvalidParameterException(parameter, "parameter '" + parameter + "' = '" + printable(value) + "' is invalid; send "
                + expected);
    }

    static InvalidParameterException missing(String parameter, String expected) {
        return new InvalidParameterException(parameter, "parameter '" + parameter + "' is missing; send " + expected);
    }

    public String parameter() {
        return parameter;
    }

    private static String printable(String value) {
        String shown = value.length() > 64 ? value.substring(0, 64) + "..." : value;
        return shown.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
