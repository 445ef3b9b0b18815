package org.rescuegrid.frontoffice;

import java.time.Instant;
import java.util.Objects;

/**
 * Technical assistance given during a case, for example first-aid instructions to a caller or a doctor's
 * advice to a crew.
 *
 * @param assistanceId id that follows the record to HQ; null before it is stored
 * @param givenAt when the guidance was given; null before it is stored means now
 * @param givenBy who gave it: an operator, a doctor on the line
 * @param vehicleId the crew's vehicle when {@code givenTo} is {@link AssistanceRecipient#CREW}, otherwise null
 * @param recordedBy user who entered the record; null before it is stored
 */
public record Assistance(String assistanceId, String incidentId, Instant givenAt, String givenBy, AssistanceRecipient givenTo,
        String vehicleId, AssistanceKind kind, String text, String recordedBy) {

    /** Maximum length of the guidance text, in characters. */
    public static final int MAX_TEXT = 2000;

    /** @throws IllegalArgumentException naming the field when one is missing, too long or inconsistent */
    public Assistance {
        Objects.requireNonNull(givenTo, "givenTo");
        Objects.requireNonNull(kind, "kind");
        if (givenBy == null || givenBy.isBlank() || givenBy.length() > 100) {
            throw new IllegalArgumentException("givenBy '" + givenBy + "' is invalid; name who gave the guidance in 1-100 characters");
        }
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("assistance text of " + (text == null ? 0 : text.length())
                    + " characters is invalid; write 1-" + MAX_TEXT + " characters");
        }
        if (givenTo == AssistanceRecipient.CALLER && vehicleId != null) {
            throw new IllegalArgumentException("vehicle " + vehicleId + " is given for guidance to the caller; name a vehicle only for a crew");
        }
    }
}
