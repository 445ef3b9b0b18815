package org.rescuegrid.onvif;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.rescuegrid.onvif.internal.Futures;
import org.rescuegrid.onvif.internal.Namespace;
import org.rescuegrid.onvif.internal.XmlElement;
import org.rescuegrid.onvif.internal.XmlValues;

/**
 * The ONVIF event service with WS-BaseNotification pull points: create a subscription, pull its
 * messages, renew it before its termination time and unsubscribe.
 */
public final class EventService {

    private static final String EVENTS_ACTION = "http://www.onvif.org/ver10/events/wsdl/";
    private static final String MANAGER_ACTION = "http://docs.oasis-open.org/wsn/bw-2/SubscriptionManager/";

    private final OnvifConnection connection;

    EventService(OnvifConnection connection) {
        this.connection = connection;
    }

    /**
     * Creates a pull-point subscription for all topics.
     *
     * @param initialTermination how long the subscription lives unless renewed or pulled
     */
    public PullPointSubscription createPullPointSubscription(Duration initialTermination) throws OnvifException {
        XmlElement response = connection.call(OnvifServiceType.EVENTS,
                EVENTS_ACTION + "EventPortType/CreatePullPointSubscriptionRequest",
                writer -> writer.start(Namespace.EVENTS, "CreatePullPointSubscription")
                        .element(Namespace.EVENTS, "InitialTerminationTime", initialTermination.toString())
                        .end());
        String reported = response.requiredText("SubscriptionReference", "Address");
        return new PullPointSubscription(connection.rewriter().rewriteService(reported), reported,
                XmlValues.dateTime(response.requiredText("CurrentTime")),
                XmlValues.dateTime(response.requiredText("TerminationTime")));
    }

    /**
     * Waits up to {@code timeout} for messages and returns those the camera has, at most {@code limit}.
     * The timeout must be shorter than the connection's request timeout.
     */
    public PullMessagesResult pullMessages(PullPointSubscription subscription, Duration timeout, int limit)
            throws OnvifException {
        return Futures.await(pullMessagesAsync(subscription, timeout, limit));
    }

    /**
     * Sends PullMessages without blocking, so that a caller following many cameras needs no thread
     * per camera while the cameras wait for events. The future completes exceptionally with an
     * {@link OnvifException}, which {@link OnvifException#from(Throwable)} unwraps.
     *
     * @throws IllegalArgumentException when the timeout is not shorter than the connection's request timeout
     */
    public CompletableFuture<PullMessagesResult> pullMessagesAsync(PullPointSubscription subscription, Duration timeout,
            int limit) {
        if (timeout.compareTo(connection.requestTimeout()) >= 0) {
            throw new IllegalArgumentException("pull timeout " + timeout + " must be shorter than the request timeout "
                    + connection.requestTimeout());
        }
        return connection.callAsync(subscription.address(),
                EVENTS_ACTION + "PullPointSubscription/PullMessagesRequest",
                writer -> writer.start(Namespace.EVENTS, "PullMessages")
                        .element(Namespace.EVENTS, "Timeout", timeout.toString())
                        .element(Namespace.EVENTS, "MessageLimit", Integer.toString(limit))
                        .end(),
                subscription.reportedAddress())
                .thenApply(response -> {
                    try {
                        return readPullMessages(response);
                    } catch (OnvifException e) {
                        throw Futures.wrap(e);
                    }
                });
    }

    private static PullMessagesResult readPullMessages(XmlElement response) throws OnvifException {
        List<NotificationMessage> messages = new ArrayList<>();
        for (XmlElement notification : response.children("NotificationMessage")) {
            messages.add(readNotification(notification));
        }
        return new PullMessagesResult(
                XmlValues.dateTime(response.requiredText("CurrentTime")),
                XmlValues.dateTime(response.requiredText("TerminationTime")),
                messages);
    }

    /** Extends a subscription by {@code duration} and returns it with the new termination time. */
    public PullPointSubscription renew(PullPointSubscription subscription, Duration duration) throws OnvifException {
        XmlElement response = connection.call(subscription.address(), MANAGER_ACTION + "RenewRequest",
                writer -> writer.start(Namespace.NOTIFICATION, "Renew")
                        .element(Namespace.NOTIFICATION, "TerminationTime", duration.toString())
                        .end(),
                subscription.reportedAddress());
        Optional<String> currentTime = response.text("CurrentTime");
        return subscription.renewed(
                currentTime.isPresent() ? XmlValues.dateTime(currentTime.get()) : subscription.currentTime(),
                XmlValues.dateTime(response.requiredText("TerminationTime")));
    }

    public void unsubscribe(PullPointSubscription subscription) throws OnvifException {
        connection.call(subscription.address(), MANAGER_ACTION + "UnsubscribeRequest",
                writer -> writer.empty(Namespace.NOTIFICATION, "Unsubscribe"),
                subscription.reportedAddress());
    }

    static NotificationMessage readNotification(XmlElement notification) throws OnvifException {
        String topic = notification.requiredText("Topic");
        XmlElement message = notification.path("Message", "Message")
                .orElseThrow(() -> new OnvifException("NotificationMessage with topic " + topic + " has no Message"));
        Optional<String> utcTime = message.attribute("UtcTime");
        return new NotificationMessage(topic,
                utcTime.isPresent() ? XmlValues.dateTime(utcTime.get()) : (Instant) null,
                message.attribute("PropertyOperation").orElse(""),
                simpleItems(message.child("Source")),
                simpleItems(message.child("Data")));
    }

    private static Map<String, String> simpleItems(Optional<XmlElement> parent) {
        Map<String, String> items = new HashMap<>();
        parent.ifPresent(element -> {
            for (XmlElement item : element.children("SimpleItem")) {
                item.attribute("Name").ifPresent(name -> items.put(name, item.attribute("Value").orElse("")));
            }
        });
        return items;
    }
}
