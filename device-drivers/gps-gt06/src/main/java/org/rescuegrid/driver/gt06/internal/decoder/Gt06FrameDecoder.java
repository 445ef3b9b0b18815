package org.rescuegrid.driver.gt06.internal.decoder;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import org.rescuegrid.api.device.DeviceErrorKind;

/**
 * Splits a TCP stream into GT06 frames and passes on a {@link Gt06Packet} for each frame whose stop bytes
 * and CRC are right, or a {@link FrameRejected} for what it drops. It never throws on bad input, so a
 * connection survives garbage, and it resynchronises on the next start marker. It never buffers more than
 * {@code maxFrameLength} bytes: a length field that announces a longer frame is rejected at once.
 */
public final class Gt06FrameDecoder extends ByteToMessageDecoder {

    private final int maxFrameLength;

    public Gt06FrameDecoder(int maxFrameLength) {
        this.maxFrameLength = maxFrameLength;
    }

    /** Returns the number of bytes buffered while waiting for the rest of a frame. */
    public int bufferedBytes() {
        return actualReadableBytes();
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int skipped = skipToStartMarker(in);
            if (skipped > 0) {
                out.add(new FrameRejected(DeviceErrorKind.UNPARSEABLE, skipped + " bytes outside a frame were skipped"));
            }
            if (in.readableBytes() < 2 || !startsWithMarker(in)) {
                return;
            }
            int start = in.readerIndex();
            int marker = in.getUnsignedByte(start);
            int header = Gt06Frames.headerLength(marker);
            if (in.readableBytes() < header) {
                return;
            }
            int lengthField = marker == Gt06Frames.LONG_START ? in.getUnsignedShort(start + 2) : in.getUnsignedByte(start + 2);
            int frameLength = header + lengthField + 2;
            if (lengthField < Gt06Frames.MIN_LENGTH_FIELD) {
                in.skipBytes(2);
                out.add(new FrameRejected(DeviceErrorKind.UNPARSEABLE, "length field " + lengthField + " is below the minimum of "
                        + Gt06Frames.MIN_LENGTH_FIELD));
                continue;
            }
            if (frameLength > maxFrameLength) {
                in.skipBytes(2);
                out.add(new FrameRejected(DeviceErrorKind.FRAME_TOO_LONG, "frame of " + frameLength + " bytes exceeds maxFrameLength="
                        + maxFrameLength));
                continue;
            }
            if (in.readableBytes() < frameLength) {
                return;
            }
            int stop = start + frameLength - 2;
            if (in.getUnsignedByte(stop) != Gt06Frames.STOP_1 || in.getUnsignedByte(stop + 1) != Gt06Frames.STOP_2) {
                in.skipBytes(2);
                out.add(new FrameRejected(DeviceErrorKind.UNPARSEABLE, "frame of " + frameLength + " bytes does not end with 0D 0A"));
                continue;
            }
            byte[] frame = new byte[frameLength];
            in.readBytes(frame);
            try {
                out.add(Gt06Frames.parse(frame));
            } catch (Gt06DecodeException e) {
                out.add(new FrameRejected(e.kind(), e.getMessage()));
            }
        }
    }

    /**
     * Skips bytes up to the next start marker, or up to the last byte when none is buffered, because that
     * byte may be the first half of a marker. Returns the number of bytes skipped.
     */
    private static int skipToStartMarker(ByteBuf in) {
        int from = in.readerIndex();
        int last = in.writerIndex() - 1;
        for (int i = from; i < last; i++) {
            int b = in.getUnsignedByte(i);
            if ((b == Gt06Frames.SHORT_START || b == Gt06Frames.LONG_START) && in.getUnsignedByte(i + 1) == b) {
                in.readerIndex(i);
                return i - from;
            }
        }
        int lastByte = in.getUnsignedByte(last);
        int keep = lastByte == Gt06Frames.SHORT_START || lastByte == Gt06Frames.LONG_START ? 1 : 0;
        int skip = in.readableBytes() - keep;
        in.skipBytes(skip);
        return skip;
    }

    private static boolean startsWithMarker(ByteBuf in) {
        int first = in.getUnsignedByte(in.readerIndex());
        return (first == Gt06Frames.SHORT_START || first == Gt06Frames.LONG_START) && in.getUnsignedByte(in.readerIndex() + 1) == first;
    }
}
