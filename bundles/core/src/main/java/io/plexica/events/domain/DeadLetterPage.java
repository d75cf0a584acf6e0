package io.plexica.events.domain;

import java.util.List;

/** One page of dead letters and how many match in all. */
public record DeadLetterPage(List<DeadLetter> items, int page, int size, long total) {}
