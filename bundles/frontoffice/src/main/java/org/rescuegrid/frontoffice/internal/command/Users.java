package org.rescuegrid.frontoffice.internal.command;

import org.apache.karaf.shell.api.console.Session;

/** The console user recorded with each change. */
final class Users {

    private Users() {
    }

    static String current(Session session) {
        Object user = session == null ? null : session.get("USER");
        return user == null ? "console" : user.toString();
    }
}
