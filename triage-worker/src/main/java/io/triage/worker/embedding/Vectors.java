package io.triage.worker.embedding;

/** pgvector's text form of a vector, bound as text and cast in SQL ({@code $n::text::vector}). */
public final class Vectors {

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
