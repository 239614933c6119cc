package dev.berth.visualizer;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static dev.berth.visualizer.GraphNode.Kind.BLOB;
import static dev.berth.visualizer.GraphNode.Kind.EVENT_GRID;
import static dev.berth.visualizer.GraphNode.Kind.FUNCTION;
import static dev.berth.visualizer.GraphNode.Kind.HTTP;
import static dev.berth.visualizer.GraphNode.Kind.HTTP_RESPONSE;
import static dev.berth.visualizer.GraphNode.Kind.QUEUE;
import static dev.berth.visualizer.GraphNode.Kind.TIMER;
import static org.assertj.core.api.Assertions.assertThat;

/// The trigger graph of an order pipeline in PrimerLight and PrimerDark: counts, pulses, selection by click.
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TriggerGraphIT {
    private final TriggerGraphModel model = new TriggerGraphModel();
    private TriggerGraph graph;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        model.setGraph(List.of(
                new GraphNode("http:orders", HTTP, "POST /api/orders"),
                new GraphNode("timer:nightly", TIMER, "0 0 2 * * *"),
                new GraphNode("queue-in:orders", QUEUE, "orders"),
                new GraphNode("blob-in:receipts", BLOB, "receipts"),
                new GraphNode("eg:events", EVENT_GRID, "Event Grid"),
                new GraphNode("fn:submit", FUNCTION, "submit"),
                new GraphNode("fn:process", FUNCTION, "process"),
                new GraphNode("fn:cleanup", FUNCTION, "cleanup"),
                new GraphNode("fn:notify", FUNCTION, "notify"),
                new GraphNode("queue-out:orders", QUEUE, "orders"),
                new GraphNode("blob-out:receipts", BLOB, "receipts"),
                new GraphNode("res:submit", HTTP_RESPONSE, "HTTP response")), List.of(
                new GraphEdge("http:orders", "fn:submit"), new GraphEdge("fn:submit", "queue-out:orders"),
                new GraphEdge("fn:submit", "res:submit"), new GraphEdge("queue-in:orders", "fn:process"),
                new GraphEdge("fn:process", "blob-out:receipts"), new GraphEdge("timer:nightly", "fn:cleanup"),
                new GraphEdge("blob-in:receipts", "fn:notify"), new GraphEdge("eg:events", "fn:notify")));
        graph = new TriggerGraph(model);
        graph.setId("triggerGraph");
        stage.setScene(new Scene(graph, 1100, 460));
        stage.show();
    }

    @AfterEach
    void restoreTheme() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @Test
    void graph_countsPulsesAndClickSelection_inLightAndDarkTheme(FxRobot robot) throws Exception {
        onFx(() -> {
            for (int i = 0; i < 12; i++) {
                model.record("fn:submit", false);
                model.record("http:orders", false);
            }
            for (int i = 0; i < 9; i++) {
                model.record("fn:process", i % 3 == 0);
            }
            model.record("fn:cleanup", false);
            graph.pulse("http:orders", "fn:submit", false);
            graph.pulse("fn:process", "blob-out:receipts", true);
            graph.pulse("fn:submit", "fn:process", false); // no such edge: ignored
            return null;
        });
        assertThat(onFx(() -> model.pulses(System.nanoTime()).size())).isEqualTo(2);
        assertThat(text("fn:submit")).contains("12 calls");
        assertThat(text("fn:process")).contains("9 calls").contains("33% errors");

        robot.clickOn("#" + TriggerGraph.boxId("fn:process"));
        assertThat(onFx(() -> model.selectedProperty().get())).isEqualTo("fn:process");
        onFx(() -> Screenshots.save(graph, "trigger-graph-light"));

        onFx(() -> {
            Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
            graph.pulse("queue-in:orders", "fn:process", false);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> Screenshots.save(graph, "trigger-graph-dark"));

        robot.clickOn(robot.point(graph).atPosition(javafx.geometry.Pos.TOP_RIGHT).atOffset(new javafx.geometry.Point2D(-20, 20)));
        assertThat(onFx(() -> model.selectedProperty().get())).as("a click on empty space clears").isNull();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> !model.hasPulses()));
    }

    private String text(String nodeId) throws Exception {
        return onFx(() -> {
            StringBuilder all = new StringBuilder();
            ((javafx.scene.Parent) graph.boxOf(nodeId)).lookupAll(".label")
                    .forEach(n -> all.append(((Labeled) n).getText()).append(' '));
            return all.toString();
        });
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }
}
