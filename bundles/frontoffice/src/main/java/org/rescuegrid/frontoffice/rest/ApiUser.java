package org.rescuegrid.frontoffice.rest;

import java.util.Set;

/** A user the REST API authenticated, with the JAAS roles of the {@code karaf} realm. */
public record ApiUser(String name, Set<String> roles) {

    public static final String OPERATOR = "operator";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";

    public ApiUser {
        roles = Set.copyOf(roles);
    }

    /** Returns whether the user may take calls, dispatch, record steps and assistance. */
    public boolean isOperator() {
        return roles.contains(OPERATOR) || isSupervisor();
    }

    /** Returns whether the user may close incidents and reclassify calls, as in etc/org.apache.karaf.command.acl.rescue.cfg. */
    public boolean isSupervisor() {
        return roles.contains(SUPERVISOR) || isAdmin();
    }

    /** Returns whether the user may change procedures and rosters. */
    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }
}
