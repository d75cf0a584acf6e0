package io.plexica.ratelimit.app;

import io.plexica.ratelimit.domain.RateLimit;

/**
 * The limits the platform applies: per client address on every API call, a stricter one per client
 * on what comes before or around a sign-in (the login settings, invitation links) and per tenant on
 * what its users do together. {@code enabled} false turns them all off (a load test against the
 * platform alone).
 */
public record RateLimits(
    boolean enabled,
    RateLimit client,
    RateLimit signIn,
    RateLimit tenant,
    ClientAddress addresses) {}
