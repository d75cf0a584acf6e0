package io.plexica.tenancy.domain;

import java.util.List;

/** One page of tenants and how many match in all. */
public record TenantPage(List<Tenant> items, int page, int size, long total) {}
