package io.plexica.sdk.files;

import java.time.Instant;

/**
 * A file as a listing shows it.
 *
 * @param name the name the plugin stored it under, such as {@code exports/2026-11.csv}
 * @param size its size in bytes
 * @param lastModified when it was last written
 */
public record StoredFile(String name, long size, Instant lastModified) {}
