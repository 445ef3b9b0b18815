package org.rescuegrid.driver.nmea.internal.decoder;

import java.util.Optional;

import org.rescuegrid.api.position.PositionFix;

/**
 * Result of feeding one line to an {@link EpochAssembler}.
 *
 * @param decodeResult how the line decoded, for error counting and logging
 * @param completedFix the fix of the previous epoch when this line started a new one
 */
public record LineOutcome(DecodeResult decodeResult, Optional<PositionFix> completedFix) {
}
