package org.rescuegrid.driver.nmea.internal.decoder;

import org.rescuegrid.api.device.DeviceErrorKind;

/** Outcome of decoding one received line with {@link NmeaDecoder}. */
public sealed interface DecodeResult {

    /**
     * A valid RMC, GGA, VTG or GLL sentence. Its position and other fields may be null: before
     * a fix, receivers send these sentences with empty fields, which is not an error.
     */
    record Decoded(NmeaSentence sentence) implements DecodeResult {
    }

    /**
     * A sentence this decoder does not use, such as GSA, GSV, TXT, a proprietary {@code $P...}
     * sentence or an AIS {@code !AIVDM} sentence.
     *
     * @param address the address field, such as {@code GPGSV} or {@code PGRME}
     */
    record Ignored(String address) implements DecodeResult {
    }

    /**
     * A line that carries no NMEA sentence: an empty line, or binary data from a receiver that
     * mixes a binary protocol with NMEA. Such lines are normal for mixed-protocol receivers, so
     * they are not device errors.
     *
     * @param reason what the line lacks, for debug logging
     */
    record NotNmea(String reason) implements DecodeResult {
    }

    /**
     * A sentence that is too long, fails its checksum, or has a field that cannot be parsed or
     * is out of range. The caller counts it as a device error of {@code kind}.
     *
     * @param reason names the field, the value and the sentence, with control characters escaped
     */
    record Rejected(DeviceErrorKind kind, String reason) implements DecodeResult {
    }
}
