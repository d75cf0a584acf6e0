package io.plexica.usage.domain;

import java.time.Instant;
import java.util.List;

/** Where the API's hourly traffic is added up across replicas. */
public interface UsageStore {
  /** Adds counts of one hour: calls, 4xx, 5xx, and one count per latency bucket. */
  void add(Instant hour, long calls, long clientErrors, long serverErrors, long[] buckets);

  /** The hours from {@code from} to {@code to} (both truncated to the hour), oldest first. */
  List<ApiHour> hours(Instant from, Instant to);
}
