package org.rescuegrid.driver.nmea.internal.decoder;

/**
 * One decoded sentence of a type that carries position, time or motion. Fields the receiver
 * left empty are null.
 */
public sealed interface NmeaSentence permits RmcSentence, GgaSentence, VtgSentence, GllSentence {

    /** Returns the two-letter talker id, such as GP (GPS), GL (GLONASS) or GN (combined). */
    String talker();

    /**
     * Returns this sentence's opinion on fix validity: true or false, or null when the sentence
     * has no status field filled in.
     */
    Boolean validity();
}
