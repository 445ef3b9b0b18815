package org.rescuegrid.frontoffice;

/**
 * Outcome of a call. Only {@link #EMERGENCY} calls create or join an incident; the others are counted
 * and never dispatched.
 */
public enum Disposition {
    EMERGENCY,
    /** Abusive or prank call. */
    NUISANCE,
    /** The caller wanted information, not help. */
    INFORMATION,
    WRONG_NUMBER,
    /** Nobody spoke. */
    BLANK,
    /** The line dropped before the operator learnt anything. */
    DROPPED,
    /** Help was requested, but the crew found nothing at the place; set when an incident is reclassified. */
    FAKE;

    public static Disposition parse(String text) {
        return Parsing.parse(Disposition.class, "disposition", text);
    }

    public String label() {
        return Parsing.label(this);
    }

    /** Returns whether a caller's call with this disposition counts towards the repeat-nuisance flag. */
    public boolean isNuisance() {
        return this == NUISANCE || this == FAKE;
    }
}
