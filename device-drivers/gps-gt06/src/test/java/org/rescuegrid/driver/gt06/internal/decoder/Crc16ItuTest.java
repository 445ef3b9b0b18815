package org.rescuegrid.driver.gt06.internal.decoder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Crc16ItuTest {

    @ParameterizedTest
    @ValueSource(strings = {Frames.DOC_LOGIN, Frames.DOC_LOGIN_REPLY, Frames.DOC_LOCATION, Frames.DOC_ALARM, Frames.LOGIN_WITH_TYPE,
            Frames.STATUS})
    void matchesCrcOfRecordedFrame(String hex) {
        byte[] frame = Frames.hex(hex);
        int crcOffset = frame.length - 4;
        int recorded = ((frame[crcOffset] & 0xFF) << 8) | (frame[crcOffset + 1] & 0xFF);

        assertEquals(recorded, Crc16Itu.compute(frame, 2, crcOffset - 2));
    }

    @Test
    void matchesCrc16X25CheckValue() {
        // The catalogue check value of CRC-16/X-25 over the ASCII digits 1 to 9.
        assertEquals(0x906E, Crc16Itu.compute("123456789".getBytes(StandardCharsets.US_ASCII), 0, 9));
    }

    @Test
    void replyMatchesDocumentExample() {
        assertEquals(Frames.DOC_LOGIN_REPLY, Frames.hex(Gt06Frames.reply(0x01, 1)));
    }
}
