package io.triage.ticket.importing;

import java.util.UUID;

/** Valid rows waiting for their insert, column by column as the {@code unnest} statement takes them. */
final class ImportBatch {

    private final UUID[] ids;
    private final String[] texts;
    private final String[] categories;
    private final String[] priorities;
    private int size;

    ImportBatch(int capacity) {
        ids = new UUID[capacity];
        texts = new String[capacity];
        categories = new String[capacity];
        priorities = new String[capacity];
    }

    void add(String text, String category, String priority) {
        ids[size] = UUID.randomUUID();
        texts[size] = text;
        categories[size] = category;
        priorities[size] = priority;
        size++;
    }

    boolean full() {
        return size == ids.length;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        size = 0;
    }

    UUID[] ids() {
        return java.util.Arrays.copyOf(ids, size);
    }

    String[] texts() {
        return java.util.Arrays.copyOf(texts, size);
    }

    String[] categories() {
        return java.util.Arrays.copyOf(categories, size);
    }

    String[] priorities() {
        return java.util.Arrays.copyOf(priorities, size);
    }
}
