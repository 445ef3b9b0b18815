package org.rescuegrid.frontoffice.internal.rest;

import java.util.Optional;

import org.rescuegrid.api.security.JaasLogin;
import org.rescuegrid.frontoffice.rest.ApiUser;

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
        return JaasLogin.roles(realm, user, password.toCharArray()).map(roles -> new ApiUser(user, roles));
    }
}
