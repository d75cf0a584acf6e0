package io.plexica.identity.domain;

import java.util.List;

/** One page of users and how many match in all. */
public record UserPage(List<TenantUser> items, int page, int size, long total) {}
