package org.rescuegrid.onvif;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

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

    /**
     * Returns the OnvifException an asynchronous call failed with, unwrapping the
     * CompletionException or ExecutionException around it. Any other failure comes back as an
     * OnvifException that names it.
     */
    public static OnvifException from(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof OnvifException onvif) {
            return onvif;
        }
        return new OnvifException("the call failed unexpectedly: " + cause, cause);
    }

    /** Returns true when the camera rejected the credentials, so retrying with them is useless. */
    public boolean isAuthenticationFailure() {
        return false;
    }
}
