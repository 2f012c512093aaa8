package io.triage.worker.common;

/** Marks exceptions whose message the worker writes itself and which never quote ticket text. */
public interface SafeMessage {}
