package org.rescuegrid.onvif;

import java.time.Instant;
import java.util.Map;

/**
 * One event notification from PullMessages.
 *
 * @param topic the topic expression as sent, such as {@code tns1:RuleEngine/CellMotionDetector/Motion}
 * @param utcTime when the camera saw the event
 * @param propertyOperation Initialized, Changed or Deleted, or empty when the camera sends none
 * @param source the Source SimpleItems (name to value), such as the video source token
 * @param data the Data SimpleItems (name to value), such as {@code IsMotion=true}
 */
public record NotificationMessage(String topic, Instant utcTime, String propertyOperation, Map<String, String> source,
        Map<String, String> data) {

    public NotificationMessage {
        source = Map.copyOf(source);
        data = Map.copyOf(data);
    }

    /** Returns the topic with the namespace prefix of each segment removed, such as {@code RuleEngine/CellMotionDetector/Motion}. */
    public String topicPath() {
        StringBuilder path = new StringBuilder();
        for (String segment : topic.strip().split("/")) {
            if (path.length() > 0) {
                path.append('/');
            }
            path.append(segment.substring(segment.indexOf(':') + 1));
        }
        return path.toString();
    }
}
