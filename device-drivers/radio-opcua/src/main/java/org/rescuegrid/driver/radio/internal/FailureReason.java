package org.rescuegrid.driver.radio.internal;

import java.net.ConnectException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;

/** Turns connection failures into one sentence for the operator. */
final class FailureReason {

    private FailureReason() {
    }

    static String describe(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnresolvedAddressException) {
                return "the endpoint is unreachable (" + cause.getMessage() + "); check the URL and that the gateway is running";
            }
            if (cause instanceof TimeoutException) {
                return "the gateway did not answer within " + ClientFactory.REQUEST_TIMEOUT_MS / 1000 + " s";
            }
        }
        return UaException.extractStatusCode(error).map(FailureReason::describe)
                .orElse(error.getClass().getSimpleName() + ": " + error.getMessage());
    }

    static String describe(StatusCode status) {
        if (isIdentityRejected(status)) {
            return "the gateway rejected the user name or password (" + name(status) + "); check username and password";
        }
        long code = status.getValue() & 0xFFFF0000L;
        if (code == StatusCodes.Bad_SecurityChecksFailed || code == StatusCodes.Bad_CertificateUntrusted) {
            return "the security handshake failed (" + name(status) + "); the gateway may not trust this node's certificate"
                    + " etc/opcua/rescuegrid-client.p12 yet";
        }
        if (code == StatusCodes.Bad_SecurityPolicyRejected) {
            return "the gateway offers no endpoint with the configured security (" + name(status) + ")";
        }
        if (code == StatusCodes.Bad_Timeout || code == StatusCodes.Bad_ConnectionClosed || code == StatusCodes.Bad_CommunicationError
                || code == StatusCodes.Bad_ConnectionRejected) {
            return "the endpoint is unreachable (" + name(status) + "); check the URL and that the gateway is running";
        }
        return name(status);
    }

    /** Describes a failure of a connection that logs in with a user certificate. */
    static String describeWithUserCertificate(Throwable error, String subject) {
        Optional<StatusCode> status = UaException.extractStatusCode(error);
        if (status.isPresent() && isIdentityRejected(status.get())) {
            return "the gateway rejected the user certificate " + subject + " (" + name(status.get())
                    + "); check that the gateway trusts it and maps it to a user";
        }
        return describe(error);
    }

    private static boolean isIdentityRejected(StatusCode status) {
        long code = status.getValue() & 0xFFFF0000L;
        return code == StatusCodes.Bad_UserAccessDenied || code == StatusCodes.Bad_IdentityTokenInvalid
                || code == StatusCodes.Bad_IdentityTokenRejected;
    }

    private static String name(StatusCode status) {
        return StatusCodes.lookup(status.getValue()).map(names -> names[0]).orElse(status.toString());
    }
}
