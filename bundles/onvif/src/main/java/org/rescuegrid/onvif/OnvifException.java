package org.rescuegrid.onvif;

/**
 * A call to a camera failed. Subclasses tell whether the camera returned a SOAP fault, an HTTP
 * error, or could not be reached. This class itself is used for responses that cannot be read.
 */
public class OnvifException extends Exception {

    private static final long serialVersionUID = 1L;

    public OnvifException(String message) {
        super(message);
    }

    public OnvifException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Returns true when the camera rejected the credentials, so retrying with them is useless. */
    public boolean isAuthenticationFailure() {
        return false;
    }
}
