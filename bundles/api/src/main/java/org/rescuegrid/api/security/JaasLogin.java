package org.rescuegrid.api.security;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * Checks a user name and password against a Karaf JAAS realm, the one the console and SSH use, so users,
 * groups and roles are managed in one place (etc/users.properties or the realm's other login modules).
 */
public final class JaasLogin {

    /** Karaf's role principal, matched by name so that bundles need not import Karaf's boot classes. */
    private static final String ROLE_PRINCIPAL = "org.apache.karaf.jaas.boot.principal.RolePrincipal";

    private JaasLogin() {
    }

    /** Returns the user's roles, or empty when the realm rejects the name or password. */
    public static Optional<Set<String>> roles(String realm, String user, char[] password) {
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // LoginContext loads the realm's login module through the context class loader. Karaf's proxy module
        // is on the system class path, which an HTTP worker thread's loader may not see.
        thread.setContextClassLoader(ClassLoader.getSystemClassLoader());
        try {
            new LoginContext(realm, subject, callbacks -> answer(callbacks, user, password)).login();
        } catch (LoginException e) {
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
        return Optional.of(subject.getPrincipals().stream()
                .filter(principal -> ROLE_PRINCIPAL.equals(principal.getClass().getName()))
                .map(Principal::getName)
                .collect(Collectors.toUnmodifiableSet()));
    }

    private static void answer(Callback[] callbacks, String user, char[] password) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(user);
            } else if (callback instanceof PasswordCallback secret) {
                secret.setPassword(password);
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }
}
