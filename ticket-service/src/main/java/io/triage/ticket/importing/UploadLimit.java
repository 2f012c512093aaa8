package io.triage.ticket.importing;

import io.triage.ticket.problem.ProblemException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts what is read of an upload and stops it at the limit, also when the client sent no Content-Length. */
final class UploadLimit extends FilterInputStream {

    private final long limit;
    private long count;

    UploadLimit(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    static ProblemException tooLarge(long limit) {
        return new ProblemException(
                413, "upload-too-large", "Upload too large", "Uploads are limited to " + limit + " bytes.");
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b != -1) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        count += n;
        if (count > limit) {
            throw tooLarge(limit);
        }
    }
}
