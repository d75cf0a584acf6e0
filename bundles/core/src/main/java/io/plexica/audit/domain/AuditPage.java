package io.plexica.audit.domain;

import java.util.List;

/** One page of audit entries and how many match in all. */
public record AuditPage(List<AuditEntry> items, int page, int size, long total) {}
