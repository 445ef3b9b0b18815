package org.rescuegrid.frontoffice;

/** Kind of technical assistance given during a case. */
public enum AssistanceKind {
    FIRST_AID_INSTRUCTION, DOCTOR_ADVICE, SAFETY_INSTRUCTION, DIRECTIONS, OTHER;

    public static AssistanceKind parse(String text) {
        return Parsing.parse(AssistanceKind.class, "assistance kind", text);
    }

    public String label() {
        return Parsing.label(this);
    }
}
