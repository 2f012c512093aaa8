package io.triage.ticket.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts an upload into records at line feeds, byte by byte, so rows are decoded one at a time: a row with invalid
 * UTF-8 becomes that row's error instead of spoiling the rest of the file. Splitting on bytes is safe because the
 * ASCII quote and line feed never occur inside a multi-byte UTF-8 sequence.
 */
final class RecordSplitter {

    private final InputStream in;
    private final boolean csvQuotes;
    private final int maxRecordBytes;
    private final ByteArrayOutputStream record = new ByteArrayOutputStream(256);
    private long nextLine = 1;
    private boolean ended;

    /** @param csvQuotes whether a line feed inside double quotes belongs to the record (CSV) or ends it (NDJSON) */
    RecordSplitter(InputStream in, boolean csvQuotes, int maxRecordBytes) {
        this.in = in;
        this.csvQuotes = csvQuotes;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** @return the next non-blank record, or {@code null} at the end of the upload */
    RawRecord next() throws IOException {
        while (!ended) {
            RawRecord candidate = read();
            if (candidate != null && (candidate.error() != null || !blank(candidate.bytes()))) {
                return candidate;
            }
        }
        return null;
    }

    private RawRecord read() throws IOException {
        record.reset();
        long line = nextLine;
        boolean quoted = false;
        while (true) {
            int b = in.read();
            if (b == -1) {
                ended = true;
                if (quoted) {
                    return RawRecord.failed(line, "bad CSV quoting: a quoted field is never closed");
                }
                return record.size() == 0 ? null : new RawRecord(line, record.toByteArray(), null);
            }
            if (b == '\n') {
                nextLine++;
                if (!quoted) {
                    return new RawRecord(line, record.toByteArray(), null);
                }
            } else if (b == '"' && csvQuotes) {
                quoted = !quoted;
            }
            record.write(b);
            if (record.size() > maxRecordBytes) {
                skipLine();
                return RawRecord.failed(line, "row too long: more than " + maxRecordBytes + " bytes");
            }
        }
    }

    // Resynchronise at the next physical line: after an overlong row, quotes can no longer be trusted.
    private void skipLine() throws IOException {
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                nextLine++;
                return;
            }
        }
        ended = true;
    }

    private static boolean blank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
