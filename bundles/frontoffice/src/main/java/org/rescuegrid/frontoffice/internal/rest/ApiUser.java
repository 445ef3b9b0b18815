package org.rescuegrid.frontoffice.internal.rest;

import java.util.Set;

/** A user the REST API authenticated, with the JAAS roles of the {@code karaf} realm. */
record ApiUser(String name, Set<String> roles) {

    static final String OPERATOR = "operator";
    static final String SUPERVISOR = "supervisor";
    static final String ADMIN = "admin";

    ApiUser {
        roles = Set.copyOf(roles);
    }

    /** Returns whether the user may take calls, dispatch, record steps and assistance. */
    boolean isOperator() {
        return roles.contains(OPERATOR) || isSupervisor();
    }

    /** Returns whether the user may close incidents and reclassify calls, as in etc/org.apache.karaf.command.acl.rescue.cfg. */
    boolean isSupervisor() {
        return roles.contains(SUPERVISOR) || roles.contains(ADMIN);
    }
}
