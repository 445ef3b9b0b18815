package org.rescuegrid.frontoffice.internal.rest;

import java.security.Principal;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;

/**
 * Logs users in to a Karaf JAAS realm, the same one the console and SSH use, so users, groups and roles
 * are managed in one place (etc/users.properties or whatever login modules the realm has).
 */
final class JaasAuthenticator implements Authenticator {

    private final String realm;

    JaasAuthenticator(String realm) {
        this.realm = realm;
    }

    @Override
    public Optional<ApiUser> authenticate(String user, String password) {
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // LoginContext loads the realm's login module through the context class loader. Karaf's proxy module
        // is on the system class path, which an HTTP worker thread's loader may not see.
        thread.setContextClassLoader(RolePrincipal.class.getClassLoader());
        try {
            LoginContext login = new LoginContext(realm, subject, callbacks -> answer(callbacks, user, password));
            login.login();
        } catch (LoginException e) {
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
        Set<String> roles = new HashSet<>();
        for (Principal principal : subject.getPrincipals(RolePrincipal.class)) {
            roles.add(principal.getName());
        }
        return Optional.of(new ApiUser(user, roles));
    }

    private static void answer(Callback[] callbacks, String user, String password) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(user);
            } else if (callback instanceof PasswordCallback secret) {
                secret.setPassword(password.toCharArray());
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }
}
