package io.plexica.shared.problem;

/** One invalid input field: which one (a JSON pointer-like dotted path) and why, for a person. */
public record FieldError(String field, String message) {}
