package org.rescuegrid.frontoffice.internal.rest;

import java.util.Optional;

import org.rescuegrid.frontoffice.rest.ApiUser;

/** Checks a user name and password. */
interface Authenticator {

    /** Returns the user with its roles, or empty when the name or password is wrong. */
    Optional<ApiUser> authenticate(String user, String password);
}
