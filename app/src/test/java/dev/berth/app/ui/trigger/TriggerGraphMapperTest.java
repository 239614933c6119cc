package dev.berth.app.ui.trigger;

import dev.berth.visualizer.GraphEdge;
import dev.berth.visualizer.GraphNode;
import dev.berth.visualizer.GraphNode.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TriggerGraphMapperTest {
    private final TriggerGraphMapper.Graph graph = new TriggerGraphMapper().map(Apps.orderPipeline());

    @Test
    void map_eachTriggerKind_becomesItsSourceNode() {
        assertThat(graph.nodes()).contains(
                new GraphNode("http:orders", Kind.HTTP, "GET,POST /api/orders"),
                new GraphNode("queue-in:orders", Kind.QUEUE, "orders"),
                new GraphNode("eventgrid", Kind.EVENT_GRID, "Event Grid"),
                new GraphNode("blob-in:images", Kind.BLOB, "images"),
                new GraphNode("timer:tick", Kind.TIMER, "0 */5 * * * *"));
        assertThat(graph.sourceOf()).containsEntry("process", "queue-in:orders").containsEntry("tick", "timer:tick");
    }

    @Test
    void map_outBindings_becomeOutputsWithEdgesFromTheirFunction() {
        assertThat(graph.nodes()).contains(new GraphNode("http-out:orders", Kind.HTTP_RESPONSE, "HTTP response"),
                new GraphNode("queue-out:orders", Kind.QUEUE, "orders"),
                new GraphNode("blob-out:receipts", Kind.BLOB, "receipts"));
        assertThat(graph.edges()).contains(new GraphEdge("http:orders", "fn:orders"),
                new GraphEdge("fn:orders", "http-out:orders"), new GraphEdge("fn:orders", "queue-out:orders"),
                new GraphEdge("queue-in:orders", "fn:process"), new GraphEdge("fn:process", "blob-out:receipts"));
        assertThat(graph.outputsOf().get("orders")).containsExactly("http-out:orders", "queue-out:orders");
        assertThat(graph.outputsOf().get("notify")).isEmpty();
    }

    @Test
    void map_fiveFunctions_giveFiveFunctionNodes() {
        assertThat(graph.nodes()).filteredOn(n -> n.kind() == Kind.FUNCTION).extracting(GraphNode::label)
                .containsExactly("orders", "process", "notify", "thumbnail", "tick");
    }
}
