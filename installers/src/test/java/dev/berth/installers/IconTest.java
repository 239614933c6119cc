package dev.berth.installers;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class IconTest {
    private final byte[] png = Icon.png();

    @Test
    void png_drawn_isA256PixelSquareWithTransparentCorners() throws Exception {
        var image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(Icon.SIZE);
        assertThat(image.getHeight()).isEqualTo(Icon.SIZE);
        assertThat(image.getRGB(0, 0) >>> 24).as("corner alpha").isZero();
        assertThat(image.getRGB(128, 30) >>> 24).as("centre alpha").isEqualTo(0xFF);
    }

    @Test
    void ico_wrapsThePng_withOneDirectoryEntryPointingAtIt() {
        var ico = ByteBuffer.wrap(Icon.ico(png)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(ico.getShort(2)).as("type: icon").isEqualTo((short) 1);
        assertThat(ico.getShort(4)).as("image count").isEqualTo((short) 1);
        assertThat(ico.getInt(6 + 8)).as("image size").isEqualTo(png.length);
        assertThat(ico.getInt(6 + 12)).as("image offset").isEqualTo(22);
        assertThat(Arrays.copyOfRange(ico.array(), 22, ico.capacity())).isEqualTo(png);
    }

    @Test
    void icns_wrapsThePng_asOneIc08ElementWithBigEndianLengths() {
        var icns = ByteBuffer.wrap(Icon.icns(png));
        assertThat(new String(icns.array(), 0, 4)).isEqualTo("icns");
        assertThat(icns.getInt(4)).isEqualTo(icns.capacity());
        assertThat(new String(icns.array(), 8, 4)).isEqualTo("ic08");
        assertThat(icns.getInt(12)).isEqualTo(8 + png.length);
        assertThat(Arrays.copyOfRange(icns.array(), 16, icns.capacity())).isEqualTo(png);
    }
}
