package org.rescuegrid.onvif;

/** The camera returned an HTTP error status and no SOAP fault in the body. */
public class OnvifHttpException extends OnvifException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public OnvifHttpException(String message, int status) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    @Override
    public boolean isAuthenticationFailure() {
        return status == 401 || status == 403;
    }
}
