package io.plexica.identity.domain;

/** A permission a role can grant: its {@code resource:action} name, what it allows, who owns it. */
public record PermissionInfo(String name, String description, String source) {}
