package org.rescuegrid.driver.radio.internal;

import java.util.Collection;

/** Receives what a gateway connection learns about its radios, on the subscription's delivery thread. */
interface RadioListener {

    /** A radio reported values that differ from the ones reported before. */
    void radioChanged(RadioSnapshot snapshot);

    /** A radio's values arrived, changed or not. */
    void radioHeard(String radioId);

    /** The gateway raised an event about a radio, such as an emergency button press. */
    void radioAlert(RadioAlert alert);

    /** The gateway connection was lost, so these radios are not heard until it returns. */
    void radiosUnreachable(Collection<String> radioIds);
}
