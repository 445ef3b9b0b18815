package org.rescuegrid.backoffice.internal.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.support.CommandException;
import org.rescuegrid.backoffice.internal.SopLibrary;

/**
 * A back-office console command. Invalid input, a refused change and a procedure version conflict reach
 * the user as Karaf's {@link CommandException}, which the console prints as one sentence. Karaf logs any
 * other exception at ERROR with its stack trace, which is meant for failures of the node, not for a typo.
 */
abstract class BackOfficeCommand implements Action {

    @Override
    public final Object execute() throws CommandException {
        try {
            return run();
        } catch (IllegalArgumentException | SecurityException | SopLibrary.VersionConflictException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    /** Runs the command; throws IllegalArgumentException naming the value and the accepted form for invalid input. */
    protected abstract Object run();

    /** Reads a UTF-8 file named on the command line; {@code expected} describes the file in the error. */
    static String readFile(String file, String expected) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("file '" + file + "' could not be read: " + e.getMessage() + "; give the path of " + expected, e);
        }
    }
}
