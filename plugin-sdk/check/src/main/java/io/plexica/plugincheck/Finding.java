package io.plexica.plugincheck;

/** One wrong field: which (a dotted path into plugin.json) and why, for a person. */
public record Finding(String field, String message) {}
