package dev.berth.runner.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.berth.runner.event.ImageBuildProgress;
import dev.berth.runner.event.InvocationFinished;
import dev.berth.runner.event.InvocationStarted;
import dev.berth.runner.event.LogLine;
import dev.berth.runner.event.ReplicaStateChanged;
import dev.berth.runner.event.RunnerEvent;
import dev.berth.runner.event.RunnerNotice;

import java.io.UncheckedIOException;

/// Turns events into (kind, JSON) rows and back. The kind is the record's simple name, so stored rows
/// stay readable with plain `sqlite3`. Thread-safe.
final class EventCodec {
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    String kind(RunnerEvent event) {
        return event.getClass().getSimpleName();
    }

    String encode(RunnerEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot encode " + kind(event), e);
        }
    }

    RunnerEvent decode(String kind, String body) {
        Class<? extends RunnerEvent> type = switch (kind) {
            case "ImageBuildProgress" -> ImageBuildProgress.class;
            case "ReplicaStateChanged" -> ReplicaStateChanged.class;
            case "InvocationStarted" -> InvocationStarted.class;
            case "InvocationFinished" -> InvocationFinished.class;
            case "LogLine" -> LogLine.class;
            case "RunnerNotice" -> RunnerNotice.class;
            case "OrchestrationChanged" -> dev.berth.runner.event.OrchestrationChanged.class;
            case "ScaleDecision" -> dev.berth.runner.event.ScaleDecision.class;
            case "RevisionChanged" -> dev.berth.runner.event.RevisionChanged.class;
            case "TrafficChanged" -> dev.berth.runner.event.TrafficChanged.class;
            case "GpuMetrics" -> dev.berth.runner.event.GpuMetrics.class;
            default -> throw new IllegalArgumentException("unknown event kind '" + kind + "' in the event store");
        };
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored " + kind + " event is not valid JSON", e);
        }
    }
}
