package org.rescuegrid.hq.dashboard.internal;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * Checks a user name and password against a Karaf JAAS realm, so HQ staff log in with the accounts the
 * node already manages (etc/users.properties, or LDAP when the realm is pointed there).
 */
class JaasAuthenticator {

    /** Karaf's role principal; matched by name so that this bundle does not import Karaf's boot classes. */
    private static final String ROLE_PRINCIPAL = "org.apache.karaf.jaas.boot.principal.RolePrincipal";

    private final String realm;

    JaasAuthenticator(String realm) {
        this.realm = realm;
    }

    /** Returns the user's roles, or empty when the realm refuses the name or password. */
    Optional<Set<String>> login(String user, char[] password) {
        Subject subject = new Subject();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            // Karaf's JAAS configuration loads its login modules through the context class loader.
            Thread.currentThread().setContextClassLoader(JaasAuthenticator.class.getClassLoader());
            LoginContext context = new LoginContext(realm, subject, callbacks -> {
                for (var callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(user);
                    } else if (callback instanceof PasswordCallback secret) {
                        secret.setPassword(password);
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            context.login();
            return Optional.of(roles(subject));
        } catch (LoginException e) {
            return Optional.empty();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static Set<String> roles(Subject subject) {
        return subject.getPrincipals().stream()
                .filter(principal -> ROLE_PRINCIPAL.equals(principal.getClass().getName()))
                .map(Principal::getName)
                .collect(Collectors.toUnmodifiableSet());
    }
}
