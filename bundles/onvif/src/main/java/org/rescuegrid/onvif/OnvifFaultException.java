package org.rescuegrid.onvif;

import java.util.List;
import java.util.Set;

/**
 * The camera returned a SOAP fault. SOAP 1.2 faults carry a code, nested subcodes and a reason;
 * SOAP 1.1 faults carry a {@code faultcode} and a {@code faultstring}, which land in
 * {@link #code()} and {@link #reason()} with no subcodes. Codes keep the prefix the camera wrote,
 * such as {@code ter:NotAuthorized}.
 */
public class OnvifFaultException extends OnvifException {

    private static final long serialVersionUID = 1L;

    /** Local names of the fault codes that cameras use when they reject a UsernameToken. */
    private static final Set<String> AUTHENTICATION_CODES = Set.of(
            "NotAuthorized", "FailedAuthentication", "InvalidSecurityToken", "FailedCheck", "InvalidSecurity");

    private final String soapVersion;
    private final String code;
    private final List<String> subcodes;
    private final String reason;
    private final int httpStatus;

    public OnvifFaultException(String soapVersion, String code, List<String> subcodes, String reason, int httpStatus) {
        super("SOAP " + soapVersion + " fault " + code + (subcodes.isEmpty() ? "" : " " + subcodes)
                + ": " + reason + " (HTTP " + httpStatus + ")");
        this.soapVersion = soapVersion;
        this.code = code;
        this.subcodes = List.copyOf(subcodes);
        this.reason = reason;
        this.httpStatus = httpStatus;
    }

    /** Returns "1.1" or "1.2". */
    public String soapVersion() {
        return soapVersion;
    }

    public String code() {
        return code;
    }

    /** Returns the subcode values from outermost to innermost, empty for SOAP 1.1. */
    public List<String> subcodes() {
        return subcodes;
    }

    public String reason() {
        return reason;
    }

    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public boolean isAuthenticationFailure() {
        if (httpStatus == 401) {
            return true;
        }
        if (AUTHENTICATION_CODES.contains(localPart(code))) {
            return true;
        }
        return subcodes.stream().anyMatch(subcode -> AUTHENTICATION_CODES.contains(localPart(subcode)));
    }

    private static String localPart(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.indexOf(':') + 1);
    }
}
