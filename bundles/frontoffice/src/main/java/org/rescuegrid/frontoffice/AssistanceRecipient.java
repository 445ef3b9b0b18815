package org.rescuegrid.frontoffice;

/** Who received technical assistance: the caller on the phone, or the crew of a dispatched vehicle. */
public enum AssistanceRecipient {
    CALLER, CREW;

    public static AssistanceRecipient parse(String text) {
        return Parsing.parse(AssistanceRecipient.class, "recipient", text);
    }

    public String label() {
        return Parsing.label(this);
    }
}
