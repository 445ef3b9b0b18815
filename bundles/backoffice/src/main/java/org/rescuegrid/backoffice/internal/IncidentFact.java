package org.rescuegrid.backoffice.internal;

import java.time.Instant;

/**
 * A fact the back office keeps for an incident besides the front office's steps: a checklist tick, a
 * technical-assistance record or a camera snapshot.
 *
 * @param name checklist item, assistance kind or camera id
 * @param staffId who did it, or null
 */
public record IncidentFact(String incidentId, Sop.FactKind kind, String name, Instant at, String staffId) {
}
