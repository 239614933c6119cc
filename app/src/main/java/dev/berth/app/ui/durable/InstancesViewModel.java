package dev.berth.app.ui.durable;

import dev.berth.runner.durable.InstancePage;
import dev.berth.runner.durable.InstanceQuery;
import dev.berth.runner.durable.RuntimeStatus;
import dev.berth.visualizer.durable.InstanceRow;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Optional;
import java.util.Set;

/// The instance list of the Orchestrations tab: the newest [#PAGE] instances of the project's task hub that
/// match the status filter and the id search, read again when they change and when the backend reports a
/// change (one read at a time). FX thread only.
public final class InstancesViewModel {
    static final int PAGE = 500;

    private final DurableAccess access;
    private final ObservableList<InstanceRow> rows = FXCollections.observableArrayList();
    private final ObservableList<InstanceRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObjectProperty<String> statusFilter = new SimpleObjectProperty<>(this, "statusFilter");
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final Refresher refresher = new Refresher(this::read);

    InstancesViewModel(DurableAccess access) {
        this.access = access;
        statusFilter.addListener((o, was, now) -> refresh());
        search.addListener((o, was, now) -> refresh());
    }

    /// Reads the list again (now, or right after the read in flight).
    public void refresh() {
        if (access.availableProperty().get()) refresher.request();
    }

    void clear() {
        refresher.reset();
        rows.clear();
        note.set("");
    }

    private void read(Runnable finished) {
        var query = query();
        access.call((control, hub) -> control.query(hub, query), page -> {
            finished.run();
            show(page);
        }, failure -> {
            finished.run();
            note.set("Listing instances failed: " + failure.getMessage());
        });
    }

    private InstanceQuery query() {
        var status = statusFilter.get();
        var statuses = status == null ? Set.<RuntimeStatus>of() : Set.of(RuntimeStatus.parse(status));
        return new InstanceQuery(statuses, Optional.empty(), Optional.empty(), search.get().strip(), PAGE,
                Optional.empty(), false);
    }

    private void show(InstancePage page) {
        rows.setAll(page.instances().stream().map(DurableRows::instance).toList());
        note.set(page.continuation().isPresent()
                ? "Showing the newest " + PAGE + " instances; more match. Narrow the list with the status filter or the id search."
                : "");
    }

    public ObservableList<InstanceRow> rows() { return rowsView; }

    /// Only instances of this runtime status ("Running" …); null lists all.
    public ObjectProperty<String> statusFilterProperty() { return statusFilter; }

    /// Only instances whose id starts with this.
    public StringProperty searchProperty() { return search; }

    /// A line under the list: more instances than shown, or why listing failed; "" when none.
    public ReadOnlyStringProperty noteProperty() { return note.getReadOnlyProperty(); }
}
