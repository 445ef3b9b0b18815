package org.rescuegrid.driver.nmea.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

/**
 * Splits a TCP stream into lines ending in LF (a CR before it is dropped). A line longer than the maximum
 * is discarded up to its end and reported as {@link NmeaFrame.TooLong}, rather than thrown as Netty's line
 * decoders do, because a thrown exception would close a connection that is otherwise healthy.
 */
final class NmeaFrameDecoder extends ByteToMessageDecoder {

    private final int maxLength;
    private boolean discarding;
    private int discardedLength;

    NmeaFrameDecoder(int maxLength) {
        this.maxLength = maxLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int end = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
            if (discarding) {
                if (!discardUntilLineEnd(in, end, out)) {
                    return;
                }
                continue;
            }
            if (end < 0) {
                if (in.readableBytes() > maxLength) {
                    discarding = true;
                    discardedLength = 0;
                    continue;
                }
                return;
            }

            int length = end - in.readerIndex();
            if (length > maxLength) {
                in.skipBytes(length + 1);
                out.add(new NmeaFrame.TooLong(length, maxLength));
                continue;
            }
            String line = in.toString(in.readerIndex(), length, StandardCharsets.ISO_8859_1);
            in.skipBytes(length + 1);
            out.add(new NmeaFrame.Line(stripCarriageReturn(line)));
        }
    }

    /** Skips the oversized line's bytes; returns true once its end was found and reported. */
    private boolean discardUntilLineEnd(ByteBuf in, int end, List<Object> out) {
        if (end < 0) {
            discardedLength += in.readableBytes();
            in.skipBytes(in.readableBytes());
            return false;
        }
        int length = end - in.readerIndex();
        discardedLength += length;
        in.skipBytes(length + 1);
        out.add(new NmeaFrame.TooLong(discardedLength, maxLength));
        discarding = false;
        return true;
    }

    private static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
