package dev.berth.runner.docker;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineSplitterTest {
    @Test void add_lineSplitAcrossChunks_comesOutOnce() {
        var splitter = new LineSplitter();
        assertThat(splitter.add(bytes("hel"))).isEmpty();
        assertThat(splitter.add(bytes("lo\nwor"))).containsExactly("hello");
        assertThat(splitter.add(bytes("ld\n\nx"))).containsExactly("world", "");
        assertThat(splitter.finish()).containsExactly("x");
        assertThat(splitter.finish()).isEmpty();
    }

    @Test void add_utf8CharacterSplitAcrossChunks_decodesIntact() {
        byte[] all = bytes("grüße\n");
        var splitter = new LineSplitter();
        assertThat(splitter.add(Arrays.copyOfRange(all, 0, 3))).isEmpty();
        assertThat(splitter.add(Arrays.copyOfRange(all, 3, all.length))).containsExactly("grüße");
    }

    @Test void clean_ansiColoursCarriageReturnsAndNewlines_removed() {
        assertThat(LineSplitter.clean("\u001B[1;31mred\u001B[0m text\r\n")).isEqualTo("red text");
        assertThat(LineSplitter.clean("10%\r50%\r100%")).isEqualTo("100%");
    }

    @Test void lines_wholeChunk_splitsAndCleans() {
        assertThat(LineSplitter.lines("Step 1/2 : FROM x\n ---> abc\n")).containsExactly("Step 1/2 : FROM x", " ---> abc");
    }

    @Test void frameLines_interleavedStreams_keepEachStreamsLinesApart() {
        var got = new ArrayList<String>();
        var frames = new FrameLines((stream, text) -> got.add(stream + ":" + text));
        frames.frame(new Frame(StreamType.STDOUT, bytes("out-a")));
        frames.frame(new Frame(StreamType.STDERR, bytes("err-1\nerr-")));
        frames.frame(new Frame(StreamType.STDOUT, bytes("-b\n")));
        frames.frame(new Frame(StreamType.STDERR, bytes("2")));
        frames.finish();
        assertThat(got).containsExactly("stderr:err-1", "stdout:out-a-b", "stderr:err-2");
    }

    @Test void frameLines_rawTtyStream_reportedAsStdout() {
        var got = new ArrayList<String>();
        var frames = new FrameLines((stream, text) -> got.add(stream + ":" + text));
        frames.frame(new Frame(StreamType.RAW, bytes("tty line\n")));
        assertThat(got).isEqualTo(List.of("stdout:tty line"));
    }

    private static byte[] bytes(String text) { return text.getBytes(StandardCharsets.UTF_8); }
}
