package dev.berth.visualizer;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/// The log view's model: a ring of the last `capacity` lines and the filtered lines a view shows.
/// Appending costs O(batch) whether a filter is set or not: only the new lines are tested, and the
/// lines that fall out of the ring leave the visible list at its head. A filter change re-tests the
/// whole ring once. FX thread only; imports nothing from `javafx.scene`, so it is tested without a
/// toolkit.
public final class LogModel {
    private final RingList<LogEntry> all;
    private final RingList<LogEntry> visible;
    private final ObservableList<LogEntry> visibleView;
    private final ObservableList<String> sources = FXCollections.observableArrayList();
    // One wrapper for the life of the model: a wrapper listens to its list only weakly, so a fresh
    // one per call would let the listeners of its users vanish with the next GC.
    private final ObservableList<String> sourcesView = FXCollections.unmodifiableObservableList(sources);
    private final TreeSet<String> knownSources = new TreeSet<>();
    private String textFilter = "";
    private String sourceFilter;

    public LogModel(int capacity) {
        all = new RingList<>(capacity);
        visible = new RingList<>(capacity);
        visibleView = FXCollections.unmodifiableObservableList(visible);
    }

    /// Adds lines at the end; the oldest lines go when the ring is full.
    public void append(List<LogEntry> batch) {
        if (batch.isEmpty()) {
            return;
        }
        int fit = Math.min(batch.size(), all.capacity());
        List<LogEntry> kept = batch.subList(batch.size() - fit, batch.size());
        int evicted = Math.max(0, all.size() + fit - all.capacity());
        int visibleEvicted = filtering() ? countMatches(all, evicted) : Math.min(evicted, visible.size());
        all.slide(evicted, kept);
        noteSources(kept);
        visible.slide(visibleEvicted, filtering() ? matching(kept) : kept);
    }

    public void clear() {
        all.clearAll();
        visible.clearAll();
    }

    /// Lines must contain `text` (case-insensitive); null or "" shows all.
    public void setTextFilter(String text) {
        String normalized = text == null ? "" : text;
        if (!normalized.equals(textFilter)) {
            textFilter = normalized;
            refilter();
        }
    }

    /// Only lines of this source; null shows all.
    public void setSourceFilter(String source) {
        if (!Objects.equals(source, sourceFilter)) {
            sourceFilter = source;
            refilter();
        }
    }

    public String textFilter() {
        return textFilter;
    }

    public String sourceFilter() {
        return sourceFilter;
    }

    /// The lines that pass the filters, oldest first. Read-only.
    public ObservableList<LogEntry> visible() {
        return visibleView;
    }

    /// Every source seen since creation, sorted (kept across `clear`, so a chosen filter stays valid). Read-only.
    public ObservableList<String> sources() {
        return sourcesView;
    }

    /// Lines held, before filtering.
    public int size() {
        return all.size();
    }

    public int capacity() {
        return all.capacity();
    }

    /// Whether `entry` passes the current filters.
    public boolean matches(LogEntry entry) {
        return (sourceFilter == null || sourceFilter.equals(entry.source()))
                && containsIgnoreCase(entry.text(), textFilter);
    }

    static boolean containsIgnoreCase(String haystack, String needle) {
        if (needle.isEmpty()) {
            return true;
        }
        if (haystack == null) {
            return false;
        }
        // regionMatches avoids allocating a lower-cased copy of every line on each test.
        for (int i = 0, last = haystack.length() - needle.length(); i <= last; i++) {
            if (haystack.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }

    private boolean filtering() {
        return sourceFilter != null || !textFilter.isEmpty();
    }

    private int countMatches(List<LogEntry> lines, int firstN) {
        int n = 0;
        for (int i = 0; i < firstN; i++) {
            if (matches(lines.get(i))) {
                n++;
            }
        }
        return n;
    }

    private List<LogEntry> matching(List<LogEntry> lines) {
        List<LogEntry> out = new ArrayList<>();
        for (LogEntry line : lines) {
            if (matches(line)) {
                out.add(line);
            }
        }
        return out;
    }

    private void refilter() {
        visible.replaceAll(filtering() ? matching(all) : all);
    }

    private void noteSources(List<LogEntry> lines) {
        boolean fresh = false;
        for (LogEntry line : lines) {
            fresh |= line.source() != null && knownSources.add(line.source());
        }
        if (fresh) {
            sources.setAll(knownSources);
        }
    }
}
