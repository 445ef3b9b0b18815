package org.rescuegrid.api.radio;

/**
 * Sends text messages to radios through the node's radio gateways. A radio driver registers it; services
 * that tell a crew something (a dispatch, a change of destination) use it where a gateway is connected.
 * Radio ids are device ids, so the device registry maps a vehicle to its radio.
 */
public interface RadioMessenger {

    /** Maximum text length in characters, because dispatch radio text services carry short messages. */
    int MAX_TEXT_LENGTH = 200;

    /** Returns whether a gateway that carries this radio is connected now. */
    boolean reaches(String radioId);

    /**
     * Sends a text to a radio and returns once its gateway confirmed it.
     *
     * @throws IllegalArgumentException when no gateway carries the radio, or the text is empty or longer than
     *         {@link #MAX_TEXT_LENGTH}
     * @throws IllegalStateException when the gateway is not connected, timed out or rejected the message
     */
    void sendText(String radioId, String text);
}
