package org.rescuegrid.driver.nmea.internal.decoder;

import java.util.Optional;

import org.rescuegrid.api.device.DeviceErrorKind;

/**
 * Decoder of single NMEA 0183 lines into {@link DecodeResult}s. It returns a result for every
 * input, including null, and throws nothing. It keeps no state, so one instance can serve all
 * connections.
 *
 * <p>How lines are classified:
 * <ul>
 * <li>No sentence start ({@code $} or {@code !} followed by an address field and {@code ,} or
 * {@code *}): {@link DecodeResult.NotNmea}. Empty lines and binary packets of mixed-protocol
 * receivers fall here, and counting them as device errors would flag healthy receivers.</li>
 * <li>Proprietary {@code $P...} and encapsulation {@code !...} sentences:
 * {@link DecodeResult.Ignored} without a checksum check, because vendors differ in whether they
 * send one (the MTK-3301 sends {@code $POLYN} lines without it).</li>
 * <li>A sentence longer than the maximum: FRAME_TOO_LONG. Otherwise a missing or wrong
 * checksum: BAD_CHECKSUM, for all sentence types including ignored ones, because it shows a
 * corrupted link.</li>
 * <li>RMC, GGA, VTG, GLL: {@link DecodeResult.Decoded}, or UNPARSEABLE when a field is
 * malformed, out of range, or the sentence is cut short. Other types:
 * {@link DecodeResult.Ignored}.</li>
 * </ul>
 */
public final class NmeaDecoder {

    /**
     * Default maximum sentence length in characters, from {@code $} to the checksum. NMEA 0183
     * allows 82 characters including CR LF, but real receivers exceed that: high-precision RTK
     * GGA sentences run to 91 and MTK {@code $PMTKCHN} sentences to 203 in the recordings
     * under {@code fixtures/nmea}.
     * The limit is there to reject runaway lines, not to enforce the standard.
     */
    public static final int DEFAULT_MAX_SENTENCE_LENGTH = 512;

    private final int maxSentenceLength;

    public NmeaDecoder() {
        this(DEFAULT_MAX_SENTENCE_LENGTH);
    }

    /** Creates a decoder that rejects sentences longer than {@code maxSentenceLength} characters. */
    public NmeaDecoder(int maxSentenceLength) {
        if (maxSentenceLength < 1) {
            throw new IllegalArgumentException("maxSentenceLength " + maxSentenceLength + " must be at least 1");
        }
        this.maxSentenceLength = maxSentenceLength;
    }

    /**
     * Decodes one line. The line terminator may be present or already stripped, and the line may
     * contain any characters, such as binary bytes decoded as ISO-8859-1.
     */
    public DecodeResult decode(String line) {
        if (line == null || line.isBlank()) {
            return new DecodeResult.NotNmea("empty line");
        }
        Optional<SentenceFrame> located = SentenceFramer.locate(line);
        if (located.isEmpty()) {
            return new DecodeResult.NotNmea("no '$' or '!' followed by an address field and ','");
        }
        SentenceFrame frame = located.get();

        if (frame.text().length() > maxSentenceLength) {
            return new DecodeResult.Rejected(DeviceErrorKind.FRAME_TOO_LONG, "sentence of " + frame.text().length()
                    + " characters exceeds the maximum of " + maxSentenceLength + ": " + Excerpt.quote(frame.text()));
        }
        if (frame.isProprietary() || frame.isEncapsulation()) {
            return new DecodeResult.Ignored(frame.address());
        }

        try {
            Checksum.verify(frame);
            return decodeFields(frame);
        } catch (SentenceException e) {
            return new DecodeResult.Rejected(e.kind(), e.getMessage() + " in sentence " + Excerpt.quote(frame.text()));
        }
    }

    private static DecodeResult decodeFields(SentenceFrame frame) throws SentenceException {
        String address = frame.address();
        if (address.length() != 5) {
            throw new SentenceException(DeviceErrorKind.UNPARSEABLE, "address field " + Excerpt.quote(address)
                    + " is not a two-letter talker id followed by a three-letter sentence type");
        }
        String talker = address.substring(0, 2);
        String type = address.substring(2);
        FieldReader fields = new FieldReader(type, frame.dataFields());
        switch (type) {
            case "RMC":
                return new DecodeResult.Decoded(RmcSentence.parse(talker, fields));
            case "GGA":
                return new DecodeResult.Decoded(GgaSentence.parse(talker, fields));
            case "VTG":
                return new DecodeResult.Decoded(VtgSentence.parse(talker, fields));
            case "GLL":
                return new DecodeResult.Decoded(GllSentence.parse(talker, fields));
            default:
                return new DecodeResult.Ignored(address);
        }
    }
}
