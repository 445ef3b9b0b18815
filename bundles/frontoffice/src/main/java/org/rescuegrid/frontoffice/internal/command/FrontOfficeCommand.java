package org.rescuegrid.frontoffice.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.support.CommandException;

/**
 * A front-office console command. Invalid input and a change the incident's state does not allow reach the
 * user as Karaf's {@link CommandException}, which the console prints as one sentence. Karaf logs any other
 * exception at ERROR with its stack trace, which is meant for failures of the node, not for a typo.
 */
abstract class FrontOfficeCommand implements Action {

    @Override
    public final Object execute() throws CommandException {
        try {
            return run();
        } catch (IllegalArgumentException | SecurityException e) {
            throw new CommandException(e.getMessage(), e);
        } catch (IllegalStateException e) {
            // The services throw an IllegalStateException without a cause for a change the state does not allow.
            // They wrap a database failure in one with the SQLException as cause, and that stays an error of the node.
            if (e.getCause() != null) {
                throw e;
            }
            throw new CommandException(e.getMessage(), e);
        }
    }

    /**
     * Runs the command. Throws IllegalArgumentException naming the value and the accepted form for invalid
     * input, and IllegalStateException without a cause for a change the current state does not allow.
     */
    protected abstract Object run();
}
