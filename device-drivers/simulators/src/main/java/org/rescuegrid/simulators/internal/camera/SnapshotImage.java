package org.rescuegrid.simulators.internal.camera;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

import javax.imageio.ImageIO;

/**
 * Draws the simulated camera's JPEG snapshots: a sky and ground split at a height set by the tilt,
 * a marker placed by the pan, and a bar that grows with the seconds of the minute, so two
 * snapshots taken at different times or positions differ. No text is drawn because headless JVMs
 * may have no fonts.
 */
final class SnapshotImage {

    static final int WIDTH = 320;
    static final int HEIGHT = 180;

    private SnapshotImage() {
    }

    static byte[] draw(double pan, double tilt, double zoom, Instant time) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            int horizon = (int) (HEIGHT / 2 + tilt * HEIGHT / 3);
            graphics.setColor(new Color(110, 160, 220));
            graphics.fillRect(0, 0, WIDTH, horizon);
            graphics.setColor(new Color(90, 120, 70));
            graphics.fillRect(0, horizon, WIDTH, HEIGHT - horizon);
            int markerSize = (int) (20 + zoom * 40);
            int markerX = (int) ((pan + 1) / 2 * (WIDTH - markerSize));
            graphics.setColor(new Color(200, 40, 40));
            graphics.fillRect(markerX, horizon - markerSize / 2, markerSize, markerSize);
            long second = time.getEpochSecond() % 60;
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, HEIGHT - 6, (int) (WIDTH * (second + 1) / 60), 6);
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            if (!ImageIO.write(image, "jpg", out)) {
                throw new IllegalStateException("the JDK has no JPEG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing a JPEG to memory failed", e);
        }
        return out.toByteArray();
    }
}
