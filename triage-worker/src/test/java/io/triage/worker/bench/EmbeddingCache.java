package io.triage.worker.bench;

import io.triage.worker.classifier.TicketText;
import io.triage.worker.embedding.TicketEmbedder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Embeddings of every row of a CSV, kept in {@code target/} keyed by the file's content and the model, so that
 * evaluating other splits of the same data does not embed ten thousand texts again.
 */
final class EmbeddingCache {

    private EmbeddingCache() {}

    static Map<UUID, float[]> embedAll(
            List<Evaluate.Row> rows,
            TicketEmbedder embedder,
            Function<Evaluate.Row, TicketText> ticket,
            Path csv,
            String textColumns)
            throws IOException {
        Path file = Path.of("triage-worker", "target", "evaluate-cache", key(csv, textColumns) + ".bin");
        Map<UUID, float[]> embeddings = new HashMap<>();
        if (Files.isReadable(file)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                int count = in.readInt();
                if (count == rows.size()) {
                    for (Evaluate.Row row : rows) {
                        float[] vector = new float[TicketEmbedder.DIMENSIONS];
                        for (int i = 0; i < vector.length; i++) {
                            vector[i] = in.readFloat();
                        }
                        embeddings.put(row.id(), vector);
                    }
                    System.err.println("evaluate: embeddings read from " + file);
                    return embeddings;
                }
            }
        }
        long started = System.nanoTime();
        int done = 0;
        for (Evaluate.Row row : rows) {
            embeddings.put(row.id(), embedder.embed(ticket.apply(row)));
            if (++done % 1000 == 0) {
                System.err.printf(
                        "evaluate: embedded %d of %d (%.1f/s)%n",
                        done, rows.size(), done / ((System.nanoTime() - started) / 1e9));
            }
        }
        Files.createDirectories(file.getParent());
        try (OutputStream raw = Files.newOutputStream(file);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw))) {
            out.writeInt(rows.size());
            for (Evaluate.Row row : rows) {
                for (float value : embeddings.get(row.id())) {
                    out.writeFloat(value);
                }
            }
        }
        return embeddings;
    }

    /** The same file embeds differently when other columns make up the text. */
    private static String key(Path csv, String textColumns) throws IOException {
        try (InputStream in = Files.newInputStream(csv)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(TicketEmbedder.MODEL.getBytes(StandardCharsets.UTF_8));
            if (!textColumns.equals("text")) {
                // keeps the keys of caches written before the columns were configurable
                digest.update(textColumns.getBytes(StandardCharsets.UTF_8));
            }
            digest.update(in.readAllBytes());
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
