package org.rescuegrid.driver.radio.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "rescue", name = "radio-send", description = "Sends a text or status message to a radio through its gateway's SendText method.")
@Service
public class RadioSendCommand implements Action {

    /** Longest message accepted; dispatch radio text services carry short messages (TETRA SDS up to a few hundred characters). */
    static final int MAX_LENGTH = 200;

    @Reference
    GatewayDirectory directory;

    @Argument(index = 0, name = "radio", description = "Radio id, as listed by rescue:radio-list.", required = true)
    @Completion(RadioIdCompleter.class)
    String radioId;

    @Argument(index = 1, name = "text", description = "Message text, 1-" + MAX_LENGTH + " characters; quote it when it has spaces.",
            required = true, multiValued = true)
    List<String> words;

    @Override
    public Object execute() {
        String text = String.join(" ", words).strip();
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("text of " + text.length() + " characters is invalid; send 1-" + MAX_LENGTH + " characters");
        }
        RadioGateway gateway = directory.gateways().stream()
                .filter(candidate -> candidate.hasRadio(radioId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("radio '" + radioId + "' is not on any gateway; see rescue:radio-list"));
        gateway.sendText(radioId, text);
        System.out.println("Sent " + text.length() + " characters to " + radioId + " through gateway " + gateway.name());
        return null;
    }
}
