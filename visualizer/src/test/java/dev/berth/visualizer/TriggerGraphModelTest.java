package dev.berth.visualizer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.berth.visualizer.GraphNode.Kind.FUNCTION;
import static dev.berth.visualizer.GraphNode.Kind.HTTP;
import static dev.berth.visualizer.GraphNode.Kind.HTTP_RESPONSE;
import static dev.berth.visualizer.GraphNode.Kind.QUEUE;
import static org.assertj.core.api.Assertions.assertThat;

class TriggerGraphModelTest {
    private static final List<GraphNode> NODES = List.of(
            new GraphNode("http:orders", HTTP, "POST /api/orders"),
            new GraphNode("fn:orders", FUNCTION, "orders"),
            new GraphNode("queue-out:work", QUEUE, "work"),
            new GraphNode("res:orders", HTTP_RESPONSE, "HTTP response"),
            new GraphNode("queue-in:work", QUEUE, "work"),
            new GraphNode("fn:worker", FUNCTION, "worker"));
    private static final List<GraphEdge> EDGES = List.of(
            new GraphEdge("http:orders", "fn:orders"), new GraphEdge("fn:orders", "queue-out:work"),
            new GraphEdge("fn:orders", "res:orders"), new GraphEdge("queue-in:work", "fn:worker"));

    private final TriggerGraphModel model = new TriggerGraphModel(3);

    TriggerGraphModelTest() {
        model.setGraph(NODES, EDGES);
    }

    @Test
    void column_sourcesFeedFunctions_outputsAreTheRest() {
        assertThat(model.column(TriggerGraphModel.Column.SOURCES)).extracting(GraphNode::id)
                .containsExactly("http:orders", "queue-in:work");
        assertThat(model.column(TriggerGraphModel.Column.FUNCTIONS)).extracting(GraphNode::id)
                .containsExactly("fn:orders", "fn:worker");
        assertThat(model.column(TriggerGraphModel.Column.OUTPUTS)).extracting(GraphNode::id)
                .containsExactly("queue-out:work", "res:orders");
    }

    @Test
    void record_countsAndErrors_giveErrorRate() {
        model.record("fn:orders", false);
        model.record("fn:orders", true);
        model.record("fn:orders", false);
        model.record("fn:orders", false);
        assertThat(model.stats("fn:orders")).isEqualTo(new TriggerGraphModel.Stats(4, 1));
        assertThat(model.stats("fn:orders").errorRate()).isEqualTo(0.25);
        assertThat(model.stats("fn:worker").count()).isZero();
    }

    @Test
    void record_unknownNode_isIgnoredAndChangesNothing() {
        int before = model.versionProperty().get();
        model.record("fn:gone", true);
        assertThat(model.stats("fn:gone")).isEqualTo(TriggerGraphModel.Stats.NONE);
        assertThat(model.versionProperty().get()).isEqualTo(before);
    }

    @Test
    void setGraph_keepsCountsOfRemainingNodesAndDropsEdgesToUnknownNodes() {
        model.record("fn:orders", false);
        model.record("fn:worker", false);
        model.setGraph(NODES.subList(0, 4), List.of(EDGES.get(0), new GraphEdge("fn:orders", "nowhere")));
        assertThat(model.stats("fn:orders").count()).isEqualTo(1);
        assertThat(model.stats("fn:worker").count()).isZero();
        assertThat(model.edges()).containsExactly(EDGES.get(0));
    }

    @Test
    void startPulse_atMostMaxAtOnce_andOnlyAlongEdges() {
        assertThat(model.startPulse("http:orders", "fn:orders", false, 0)).isTrue();
        assertThat(model.startPulse("fn:orders", "fn:worker", false, 0)).as("no such edge").isFalse();
        assertThat(model.startPulse("fn:orders", "res:orders", true, 0)).isTrue();
        assertThat(model.startPulse("queue-in:work", "fn:worker", false, 0)).isTrue();
        assertThat(model.startPulse("fn:orders", "queue-out:work", false, 0)).as("coalesced: 3 at most").isFalse();
        assertThat(model.pulses(TriggerGraphModel.PULSE_NANOS / 2)).hasSize(3)
                .allSatisfy(p -> assertThat(p.progress()).isEqualTo(0.5))
                .anySatisfy(p -> assertThat(p.failed()).isTrue());
    }

    @Test
    void pulses_finishedOnesAreDropped_makingRoomForNewOnes() {
        model.startPulse("http:orders", "fn:orders", false, 0);
        model.startPulse("http:orders", "fn:orders", false, 0);
        model.startPulse("http:orders", "fn:orders", false, 0);
        assertThat(model.pulses(TriggerGraphModel.PULSE_NANOS)).isEmpty();
        assertThat(model.hasPulses()).isFalse();
        assertThat(model.startPulse("http:orders", "fn:orders", false, TriggerGraphModel.PULSE_NANOS)).isTrue();
    }

    @Test
    void select_knownNodeThenNullOrUnknown_clears() {
        model.select("fn:worker");
        assertThat(model.selectedProperty().get()).isEqualTo("fn:worker");
        model.select("fn:nope");
        assertThat(model.selectedProperty().get()).isNull();
        model.select("fn:orders");
        model.setGraph(NODES.subList(2, 6), List.of());
        assertThat(model.selectedProperty().get()).as("its node is gone").isNull();
    }
}
