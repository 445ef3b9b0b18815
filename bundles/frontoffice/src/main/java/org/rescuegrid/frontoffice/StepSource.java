package org.rescuegrid.frontoffice;

/** Who set a step: the first source wins, and a later one from another source is kept for audit only. */
public enum StepSource {
    OPERATOR, GPS, RADIO;

    public String label() {
        return Parsing.label(this);
    }
}
