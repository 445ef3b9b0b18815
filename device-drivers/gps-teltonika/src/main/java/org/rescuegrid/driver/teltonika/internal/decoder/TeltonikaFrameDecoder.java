package org.rescuegrid.driver.teltonika.internal.decoder;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import org.rescuegrid.api.device.DeviceErrorKind;

/**
 * Splits a Teltonika TCP stream into its handshake ({@link ImeiFrame}) and then AVL data packets
 * ({@link AvlFrame}): four zero bytes, a four-byte data length, the data, and a four-byte CRC-16/IBM.
 * What it drops is passed on as {@link FrameRejected}; it never throws on bad input and resynchronises on
 * the next four zero bytes. It never buffers more than {@code maxFrameLength} bytes.
 */
public final class TeltonikaFrameDecoder extends ByteToMessageDecoder {

    /** Longest IMEI handshake accepted; an IMEI has 15 digits. */
    public static final int MAX_IMEI_LENGTH = 32;
    private static final int PREAMBLE_AND_LENGTH = 8;
    private static final int CRC_LENGTH = 4;
    /** Codec id and the two record counts: the least an AVL data field can hold. */
    private static final int MIN_DATA_LENGTH = 3;

    private final int maxFrameLength;
    private boolean imeiReceived;

    public TeltonikaFrameDecoder(int maxFrameLength) {
        this.maxFrameLength = maxFrameLength;
    }

    /** Returns the number of bytes buffered while waiting for the rest of a frame. */
    public int bufferedBytes() {
        return actualReadableBytes();
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (!imeiReceived) {
            decodeImei(in, out);
            return;
        }
        while (in.isReadable()) {
            int skipped = skipToPreamble(in);
            if (skipped > 0) {
                out.add(new FrameRejected(DeviceErrorKind.UNPARSEABLE, skipped + " bytes outside an AVL packet were skipped"));
            }
            if (in.readableBytes() < PREAMBLE_AND_LENGTH) {
                return;
            }
            int start = in.readerIndex();
            long dataLength = in.getUnsignedInt(start + 4);
            long frameLength = PREAMBLE_AND_LENGTH + dataLength + CRC_LENGTH;
            if (dataLength < MIN_DATA_LENGTH) {
                in.skipBytes(4);
                out.add(new FrameRejected(DeviceErrorKind.UNPARSEABLE, "data length " + dataLength + " is below the minimum of "
                        + MIN_DATA_LENGTH));
                continue;
            }
            if (frameLength > maxFrameLength) {
                in.skipBytes(4);
                out.add(new FrameRejected(DeviceErrorKind.FRAME_TOO_LONG, "AVL packet of " + frameLength + " bytes exceeds maxFrameLength="
                        + maxFrameLength));
                continue;
            }
            if (in.readableBytes() < frameLength) {
                return;
            }
            in.skipBytes(PREAMBLE_AND_LENGTH);
            byte[] data = new byte[(int) dataLength];
            in.readBytes(data);
            long crcField = in.readUnsignedInt();
            int actual = Crc16Ibm.compute(data, 0, data.length);
            if (crcField != actual) {
                out.add(new FrameRejected(DeviceErrorKind.BAD_CHECKSUM, String.format("CRC 0x%08X does not match the computed 0x%04X", crcField,
                        actual)));
                continue;
            }
            out.add(new AvlFrame(data));
        }
    }

    private void decodeImei(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 2) {
            return;
        }
        int length = in.getUnsignedShort(in.readerIndex());
        if (length < 1 || length > MAX_IMEI_LENGTH) {
            int dropped = in.readableBytes();
            in.skipBytes(dropped);
            out.add(new FrameRejected(DeviceErrorKind.UNPARSEABLE, "handshake length " + length + " is not 1-" + MAX_IMEI_LENGTH
                    + "; " + dropped + " bytes dropped"));
            return;
        }
        if (in.readableBytes() < 2 + length) {
            return;
        }
        in.skipBytes(2);
        String imei = in.readCharSequence(length, StandardCharsets.ISO_8859_1).toString();
        imeiReceived = true;
        if (startsLikePreamble(in)) {
            out.add(new ImeiFrame(imei, 0));
            decode(null, in, out);
            return;
        }
        // A tracker sends nothing until the handshake is accepted, so anything but an AVL packet here is junk.
        int junk = in.readableBytes();
        in.skipBytes(junk);
        out.add(new ImeiFrame(imei, junk));
    }

    /** Returns whether the unread bytes, up to four of them, are zero and so may begin an AVL packet. */
    private static boolean startsLikePreamble(ByteBuf in) {
        int end = in.readerIndex() + Math.min(4, in.readableBytes());
        for (int i = in.readerIndex(); i < end; i++) {
            if (in.getByte(i) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Skips bytes up to the next four zero bytes, keeping up to three trailing zero bytes that may begin a
     * preamble. Returns the number of bytes skipped.
     */
    private static int skipToPreamble(ByteBuf in) {
        int from = in.readerIndex();
        int end = in.writerIndex();
        int zeros = 0;
        for (int i = from; i < end; i++) {
            zeros = in.getByte(i) == 0 ? zeros + 1 : 0;
            if (zeros == 4) {
                in.readerIndex(i - 3);
                return i - 3 - from;
            }
        }
        int skip = end - from - zeros;
        in.skipBytes(skip);
        return skip;
    }
}
