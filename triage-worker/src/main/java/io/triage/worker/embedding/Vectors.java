package io.triage.worker.embedding;

/** pgvector's text form of a vector, bound as text and cast in SQL ({@code $n::text::vector}). */
public final class Vectors {

    /**
     * The query vector, bound as text in parameter {@code $1}, for nearest-neighbour searches. As a scalar subquery it
     * is parsed once per execution (an InitPlan, which the HNSW index also accepts as its ordering key). A bare
     * {@code $1::text::vector} is re-parsed for every row the search reads once PostgreSQL switches the prepared
     * statement to its generic plan (after five executions): measured on 770 examples, 27 ms a search instead of
     * 0.4 ms, and the largest single cost of a triage.
     */
    public static final String QUERY_VECTOR = "(SELECT $1::text::vector)";

    private Vectors() {}

    public static String toText(float[] vector) {
        StringBuilder text = new StringBuilder(vector.length * 12).append('[');
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(vector[i]);
        }
        return text.append(']').toString();
    }

    /** Cosine similarity of two unit-length vectors. */
    public static double similarity(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
