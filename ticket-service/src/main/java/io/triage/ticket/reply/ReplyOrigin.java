package io.triage.ticket.reply;

/** Where a sent reply's text came from; the share of AI drafts sent unchanged is a product metric. */
public enum ReplyOrigin {
    AI_DRAFT_UNCHANGED,
    AI_DRAFT_EDITED,
    SCRATCH
}
