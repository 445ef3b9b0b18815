package org.rescuegrid.driver.gt06.internal.decoder;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/** Test frames: the examples printed in the Concox GT06 protocol document (version 1.8), and a builder for frames of our own. */
public final class Frames {

    /** Login of terminal 0123456789012345, serial 1. */
    public static final String DOC_LOGIN = "78780D01012345678901234500018CDD0D0A";
    /** The server's reply to {@link #DOC_LOGIN}. */
    public static final String DOC_LOGIN_REPLY = "787805010001D9DC0D0A";
    /** GPS location of 2011-08-29 17:46:16 UTC, serial 3. */
    public static final String DOC_LOCATION = "78781F120B081D112E10CF027AC7EB0C46584900148F01CC00287D001FB8000380810D0A";
    /** SOS alarm of 2011-11-15 14:36:29 UTC, serial 0x36. */
    public static final String DOC_ALARM = "787825160B0B0F0E241DCF027AC8870C4657E60014020901CC00287D001F726506040101003656A40D0A";
    /**
     * Login as GT06N and later firmware sends it, with a 2-byte type identifier and a 2-byte time zone and
     * language field after the terminal id; from public sample code for these trackers, CRC checked here.
     */
    public static final String LOGIN_WITH_TYPE = "7878110103587390503134452020000100196A930D0A";
    /** Status (heartbeat): GPS tracking on, charging, voltage level 1, GSM signal 4, no alarm, serial 5; CRC checked here. */
    public static final String STATUS = "78780A134401040001000508450D0A";

    private Frames() {
    }

    public static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.toLowerCase());
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    /** Builds a short frame with a correct length and CRC. */
    public static byte[] frame(int protocol, byte[] content, int serial) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x78);
        out.write(0x78);
        out.write(content.length + 5);
        out.write(protocol);
        out.writeBytes(content);
        out.write(serial >>> 8);
        out.write(serial);
        byte[] body = out.toByteArray();
        int crc = Crc16Itu.compute(body, 2, body.length - 2);
        out.write(crc >>> 8);
        out.write(crc);
        out.write(0x0D);
        out.write(0x0A);
        return out.toByteArray();
    }

    /** Recomputes the CRC of a short or long frame in place, so that a mutated frame reaches the content decoder. */
    public static void fixCrc(byte[] frame) {
        if (frame.length < 8) {
            return;
        }
        int crcOffset = frame.length - 4;
        int crc = Crc16Itu.compute(frame, 2, crcOffset - 2);
        frame[crcOffset] = (byte) (crc >>> 8);
        frame[crcOffset + 1] = (byte) crc;
    }
}
