package dev.berth.installers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.imageio.ImageIO;

/// Berth's application icon, drawn in code (no artwork files): a rounded blue square with a white
/// container box resting on a wave — a berth for containers. Encoded as PNG, and wrapped as ICO
/// (Windows) or ICNS (macOS), both of which may hold a PNG as-is. Stateless; any thread.
final class Icon {
    static final int SIZE = 256;

    private Icon() {}

    static byte[] png() {
        var image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, new Color(0x3B82F6), 0, SIZE, new Color(0x1E3A8A)));
            g.fill(new RoundRectangle2D.Float(8, 8, 240, 240, 56, 56));
            g.setColor(Color.WHITE);
            g.fill(new RoundRectangle2D.Float(64, 60, 128, 96, 14, 14));
            g.setColor(new Color(0x1E40AF));
            g.setStroke(new BasicStroke(8, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (int x = 96; x <= 160; x += 32) g.drawLine(x, 76, x, 140);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(14, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            var wave = new Path2D.Float();
            wave.moveTo(40, 196);
            for (int i = 0; i < 4; i++) wave.quadTo(64 + i * 44, 172 + (i % 2) * 48, 84 + i * 44, 196);
            g.draw(wave);
        } finally {
            g.dispose();
        }
        var bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /// ICO: a 6-byte header, one 16-byte directory entry (0 = 256 px), then the PNG (Vista+ reads PNG entries).
    static byte[] ico(byte[] png) {
        var buffer = ByteBuffer.allocate(6 + 16 + png.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putShort((short) 0).putShort((short) 1).putShort((short) 1);
        buffer.put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        buffer.putShort((short) 1).putShort((short) 32).putInt(png.length).putInt(6 + 16);
        return buffer.put(png).array();
    }

    /// ICNS: "icns" + total length, then one "ic08" (256x256 PNG) element with its own length, big-endian.
    static byte[] icns(byte[] png) {
        var buffer = ByteBuffer.allocate(8 + 8 + png.length).order(ByteOrder.BIG_ENDIAN);
        buffer.put("icns".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16 + png.length);
        buffer.put("ic08".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(8 + png.length);
        return buffer.put(png).array();
    }

    static byte[] forOs(HostOs os) {
        var png = png();
        return switch (os) {
            case LINUX -> png;
            case WINDOWS -> ico(png);
            case MAC -> icns(png);
        };
    }
}
