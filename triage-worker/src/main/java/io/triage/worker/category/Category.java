package io.triage.worker.category;

/** A category tickets can be filed under, and the team that works it. */
public record Category(String name, String description, String team) {}
