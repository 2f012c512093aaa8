package io.triage.ticket.importing;

/**
 * One row of an upload with its fields, not yet validated; or the reason it could not be read.
 *
 * @param line the 1-based line the row starts on
 */
record LabelledRow(long line, String subject, String text, String category, String priority, String error) {

    static LabelledRow failed(long line, String error) {
        return new LabelledRow(line, null, null, null, null, error);
    }
}
