package org.rescuegrid.driver.nmea.internal.decoder;

import java.util.List;

import org.rescuegrid.api.position.PositionFix;

/**
 * Result of feeding one line to an {@link EpochAssembler}.
 *
 * @param decodeResult how the line decoded, for error counting and logging
 * @param completedFixes the fixes this line completed, oldest first, usually none or one. It is the fix
 *        of the previous epoch when this line started a new one. When that epoch brought the first RMC
 *        date, the epochs held for a date come before it.
 */
public record LineOutcome(DecodeResult decodeResult, List<PositionFix> completedFixes) {
}
