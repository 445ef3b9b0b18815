package org.rescuegrid.onvif;

/** The camera could not be reached: connection refused or reset, or no response within the timeout. */
public class OnvifUnreachableException extends OnvifException {

    private static final long serialVersionUID = 1L;

    public OnvifUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
