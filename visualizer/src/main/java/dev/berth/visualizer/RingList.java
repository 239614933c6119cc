package dev.berth.visualizer;

import javafx.collections.ObservableListBase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/// An observable list on a circular array: dropping lines at the head and appending at the tail cost
/// O(changed lines), not O(size), and reach listeners as one change. Read-only to everyone but its
/// owner, which changes it through `slide` and `replaceAll`. FX thread only (like any observable list
/// bound to a control).
final class RingList<T> extends ObservableListBase<T> {
    private final Object[] items;
    private int head;
    private int size;

    RingList(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        items = new Object[capacity];
    }

    int capacity() {
        return items.length;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + ", size " + size);
        }
        return (T) items[(head + index) % items.length];
    }

    @Override
    public int size() {
        return size;
    }

    /// Drops `dropHead` items at the head, then appends `added` (of which only the last `capacity`
    /// fit; older ones push out further head items so the list never exceeds its capacity).
    void slide(int dropHead, List<? extends T> added) {
        int keepAdded = Math.min(added.size(), items.length);
        List<? extends T> tail = added.subList(added.size() - keepAdded, added.size());
        int overflow = Math.max(0, size - dropHead + keepAdded - items.length);
        int drop = Math.min(size, dropHead + overflow);
        if (drop == 0 && tail.isEmpty()) {
            return;
        }
        beginChange();
        try {
            if (drop > 0) {
                List<T> removed = new ArrayList<>(drop);
                for (int i = 0; i < drop; i++) {
                    removed.add(get(i));
                    items[(head + i) % items.length] = null;
                }
                head = (head + drop) % items.length;
                size -= drop;
                nextRemove(0, removed);
            }
            int from = size;
            for (T item : tail) {
                items[(head + size) % items.length] = item;
                size++;
            }
            if (size > from) {
                nextAdd(from, size);
            }
        } finally {
            endChange();
        }
    }

    /// Replaces the whole content (e.g. after a filter change) in one change.
    void replaceAll(List<? extends T> content) {
        slide(size, content);
    }

    void clearAll() {
        slide(size, Collections.emptyList());
    }
}
