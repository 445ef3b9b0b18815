package org.rescuegrid.onvif;

import java.time.Instant;
import java.util.List;

/** The outcome of one PullMessages call, with the camera's times that show when the subscription expires. */
public record PullMessagesResult(Instant currentTime, Instant terminationTime, List<NotificationMessage> messages) {

    public PullMessagesResult {
        messages = List.copyOf(messages);
    }
}
