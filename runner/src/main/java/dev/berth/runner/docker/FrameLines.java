package dev.berth.runner.docker;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;

import dev.berth.runner.container.ContainerEngine.LogSink;

import java.util.EnumMap;
import java.util.Map;

/// Turns Docker log frames into lines per stream. Docker frames carry whatever the process wrote in one
/// write, so a frame may hold half a line or several; each stream keeps its own splitter so stdout and
/// stderr never glue together. Confined to the one callback thread docker-java delivers frames on.
final class FrameLines {
    private final LogSink sink;
    private final Map<StreamType, LineSplitter> splitters = new EnumMap<>(StreamType.class);

    FrameLines(LogSink sink) { this.sink = sink; }

    void frame(Frame frame) {
        var type = frame.getStreamType();
        var splitter = splitters.computeIfAbsent(type, t -> new LineSplitter());
        for (var line : splitter.add(frame.getPayload())) sink.line(streamName(type), line);
    }

    /// Emits what is left of unterminated lines once the stream ended.
    void finish() {
        splitters.forEach((type, splitter) -> splitter.finish().forEach(line -> sink.line(streamName(type), line)));
        splitters.clear();
    }

    static String streamName(StreamType type) { return type == StreamType.STDERR ? "stderr" : "stdout"; }
}
