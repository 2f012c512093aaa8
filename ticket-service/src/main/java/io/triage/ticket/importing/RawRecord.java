package io.triage.ticket.importing;

/**
 * One record of an upload as bytes, or the reason it could not even be cut out of the stream.
 *
 * @param line the 1-based line the record starts on
 */
record RawRecord(long line, byte[] bytes, String error) {

    static RawRecord failed(long line, String error) {
        return new RawRecord(line, null, error);
    }
}
