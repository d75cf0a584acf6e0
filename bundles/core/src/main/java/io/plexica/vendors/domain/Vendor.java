package io.plexica.vendors.domain;

import java.time.Instant;

/**
 * A plugin vendor: a company that publishes plugins, signed in through its account in the platform
 * realm ({@code userId}, with the {@code plugin-vendor} role). Its {@code id} owns the plugins it
 * publishes; {@code name} is how the marketplace shows it.
 */
public record Vendor(String id, String name, String email, String userId, Instant createdAt) {}
