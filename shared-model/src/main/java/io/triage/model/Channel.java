package io.triage.model;

/** How a ticket reached us. */
public enum Channel {
    WEB,
    API,
    EMAIL
}
