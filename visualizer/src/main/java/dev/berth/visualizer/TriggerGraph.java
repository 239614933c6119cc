package dev.berth.visualizer;

import javafx.animation.AnimationTimer;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.CubicCurve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/// The live trigger graph: sources (HTTP routes, timers, queues, blob containers, Event Grid) on the left,
/// functions in the middle, outputs on the right, joined by curves. Each node shows its invocation count and
/// error rate; `pulse` sends a dot along an edge (green, or red when the invocation failed). Clicking a node
/// selects it (the model's `selectedProperty`), clicking empty space clears the selection. A few dozen
/// nodes and at most `TriggerGraphModel.DEFAULT_MAX_PULSES` dots, so plain nodes are cheap enough; the
/// animation timer runs only while dots move. FX thread only.
public final class TriggerGraph extends Region {
    static final String PLACEHOLDER = "No functions yet — open or run a project";
    private static final double BOX_WIDTH = 230;
    private static final double BOX_HEIGHT = 50;
    private static final double GAP = 10;
    private static final double HEADER = 30;
    private static final double PAD = 16;

    private final TriggerGraphModel model;
    private final Group edgeLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Group pulseLayer = new Group();
    private final List<Label> headers = List.of(header("Sources"), header("Functions"), header("Outputs"));
    private final Label placeholder = new Label(PLACEHOLDER);
    private final Map<String, NodeBox> boxes = new HashMap<>();
    private final Map<GraphEdge, CubicCurve> curves = new HashMap<>();
    private final List<Circle> dots = new ArrayList<>();
    private List<GraphNode> shownNodes = List.of();
    private List<GraphEdge> shownEdges = List.of();
    private Function<GraphNode, ContextMenu> contextMenus = node -> null;
    private final AnimationTimer animation = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drawPulses(now);
        }
    };

    public TriggerGraph(TriggerGraphModel model) {
        this.model = model;
        getStyleClass().add("berth-trigger-graph");
        getStylesheets().add(Styles.STYLESHEET);
        placeholder.getStyleClass().add("graph-placeholder");
        // The graph sizes its boxes itself; a Group would shrink them back to their preferred size.
        nodeLayer.setAutoSizeChildren(false);
        pulseLayer.setMouseTransparent(true);
        edgeLayer.setMouseTransparent(true);
        getChildren().addAll(headers);
        getChildren().addAll(edgeLayer, nodeLayer, pulseLayer, placeholder);
        model.versionProperty().addListener((obs, old, now) -> refresh());
        model.selectedProperty().addListener((obs, old, now) -> markSelection());
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && !e.isConsumed()) {
                model.select(null);
            }
        });
        refresh();
    }

    public TriggerGraphModel model() {
        return model;
    }

    /// Sends a dot along `from` → `to` (ignored when there is no such edge or enough dots move already).
    public void pulse(String from, String to, boolean failed) {
        if (model.startPulse(from, to, failed, System.nanoTime())) {
            animation.start();
        }
    }

    /// The context menu a right click on `node` shows (null: none), e.g. "Run now" on functions.
    public void setContextMenuFactory(Function<GraphNode, ContextMenu> factory) {
        contextMenus = factory == null ? node -> null : factory;
    }

    /// The node id of the box that shows `nodeId` (ids such as "fn:resize" are not CSS-safe).
    public static String boxId(String nodeId) {
        return "graphNode-" + nodeId.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private static Label header(String text) {
        Label label = new Label(text.toUpperCase(Locale.ROOT));
        label.getStyleClass().add("graph-header");
        return label;
    }

    private void refresh() {
        List<GraphNode> nodes = model.nodes();
        List<GraphEdge> edges = model.edges();
        if (!nodes.equals(shownNodes) || !edges.equals(shownEdges)) {
            rebuild(nodes, edges);
        }
        boxes.forEach((id, box) -> box.show(model.stats(id)));
        placeholder.setVisible(nodes.isEmpty());
        headers.forEach(h -> h.setVisible(!nodes.isEmpty()));
        requestLayout();
    }

    private void rebuild(List<GraphNode> nodes, List<GraphEdge> edges) {
        shownNodes = nodes;
        shownEdges = edges;
        boxes.clear();
        nodeLayer.getChildren().clear();
        for (GraphNode node : nodes) {
            NodeBox box = new NodeBox(node);
            boxes.put(node.id(), box);
            nodeLayer.getChildren().add(box);
        }
        curves.clear();
        edgeLayer.getChildren().clear();
        for (GraphEdge edge : edges) {
            CubicCurve curve = new CubicCurve();
            curve.getStyleClass().add("graph-edge");
            curves.put(edge, curve);
            edgeLayer.getChildren().add(curve);
        }
        markSelection();
    }

    private void markSelection() {
        String selected = model.selectedProperty().get();
        boxes.forEach((id, box) -> box.pseudo("selected", id.equals(selected)));
        curves.forEach((edge, curve) -> {
            curve.getStyleClass().remove("selected");
            if (edge.from().equals(selected) || edge.to().equals(selected)) {
                curve.getStyleClass().add("selected");
            }
        });
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double boxWidth = Math.min(BOX_WIDTH, (width - 2 * PAD) / 3 - 40);
        double step = (width - 2 * PAD - boxWidth) / 2;
        TriggerGraphModel.Column[] columns = TriggerGraphModel.Column.values();
        int most = 1;
        for (TriggerGraphModel.Column c : columns) {
            most = Math.max(most, model.column(c).size());
        }
        // Boxes shrink (down to two text lines) before a tall column runs out of the panel.
        double boxHeight = Math.clamp((getHeight() - HEADER - PAD - (most - 1) * GAP) / most, 38, BOX_HEIGHT);
        for (int c = 0; c < columns.length; c++) {
            double x = PAD + c * step;
            Label h = headers.get(c);
            h.resizeRelocate(x, PAD / 2, boxWidth, h.prefHeight(boxWidth));
            List<GraphNode> column = model.column(columns[c]);
            double total = column.size() * boxHeight + Math.max(0, column.size() - 1) * GAP;
            double y = Math.max(HEADER + PAD / 2, (getHeight() - total) / 2 + HEADER / 2);
            for (GraphNode node : column) {
                boxes.get(node.id()).resizeRelocate(x, y, boxWidth, boxHeight);
                y += boxHeight + GAP;
            }
        }
        curves.forEach(this::route);
        double pw = placeholder.prefWidth(-1);
        double ph = placeholder.prefHeight(-1);
        placeholder.resizeRelocate((width - pw) / 2, (getHeight() - ph) / 2, pw, ph);
    }

    private void route(GraphEdge edge, CubicCurve curve) {
        Bounds from = boxes.get(edge.from()).getBoundsInParent();
        Bounds to = boxes.get(edge.to()).getBoundsInParent();
        double sx = from.getMaxX();
        double sy = from.getCenterY();
        double ex = to.getMinX();
        double ey = to.getCenterY();
        double bend = Math.max(30, (ex - sx) / 2);
        curve.setStartX(sx);
        curve.setStartY(sy);
        curve.setControlX1(sx + bend);
        curve.setControlY1(sy);
        curve.setControlX2(ex - bend);
        curve.setControlY2(ey);
        curve.setEndX(ex);
        curve.setEndY(ey);
    }

    private void drawPulses(long now) {
        List<TriggerGraphModel.Pulse> pulses = model.pulses(now);
        while (dots.size() < pulses.size()) {
            Circle dot = new Circle(5);
            dots.add(dot);
            pulseLayer.getChildren().add(dot);
        }
        for (int i = 0; i < dots.size(); i++) {
            Circle dot = dots.get(i);
            CubicCurve curve = i < pulses.size() ? curves.get(pulses.get(i).edge()) : null;
            dot.setVisible(curve != null);
            if (curve == null) {
                continue;
            }
            TriggerGraphModel.Pulse pulse = pulses.get(i);
            Point2D at = pointOn(curve, pulse.progress());
            dot.setCenterX(at.getX());
            dot.setCenterY(at.getY());
            dot.getStyleClass().setAll("graph-pulse", pulse.failed() ? "failed" : "ok");
        }
        if (pulses.isEmpty()) {
            animation.stop();
        }
    }

    /// The point at `t` (0..1) of a cubic Bézier curve.
    static Point2D pointOn(CubicCurve c, double t) {
        double u = 1 - t;
        double x = u * u * u * c.getStartX() + 3 * u * u * t * c.getControlX1() + 3 * u * t * t * c.getControlX2()
                + t * t * t * c.getEndX();
        double y = u * u * u * c.getStartY() + 3 * u * u * t * c.getControlY1() + 3 * u * t * t * c.getControlY2()
                + t * t * t * c.getEndY();
        return new Point2D(x, y);
    }

    /// One node: its kind tag, label and counts. Clicking selects it; a right click shows its context menu.
    private final class NodeBox extends VBox {
        private final Label counts = new Label();

        NodeBox(GraphNode node) {
            setId(boxId(node.id()));
            getStyleClass().addAll("graph-node", "kind-" + node.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            Label tag = new Label(node.kind().tag());
            tag.getStyleClass().add("graph-node-tag");
            Label title = new Label(node.label());
            title.getStyleClass().add("graph-node-label");
            counts.getStyleClass().add("graph-node-counts");
            getChildren().addAll(title, new javafx.scene.layout.HBox(6, tag, counts));
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY) {
                    model.select(node.id());
                }
                e.consume();
            });
            setOnContextMenuRequested(e -> {
                ContextMenu menu = contextMenus.apply(node);
                if (menu != null) {
                    menu.show(this, e.getScreenX(), e.getScreenY());
                }
                e.consume();
            });
        }

        void show(TriggerGraphModel.Stats stats) {
            if (stats.count() == 0) {
                counts.setText("");
            } else {
                counts.setText(String.format(Locale.ROOT, "%,d", stats.count()) + (stats.count() == 1 ? " call" : " calls")
                        + (stats.errors() == 0 ? "" : " · " + Math.round(stats.errorRate() * 100) + "% errors"));
            }
            pseudo("failing", stats.errors() > 0);
        }

        void pseudo(String name, boolean on) {
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(name), on);
        }
    }

    /// For tests: the box showing `nodeId`.
    Node boxOf(String nodeId) {
        return boxes.get(nodeId);
    }
}
