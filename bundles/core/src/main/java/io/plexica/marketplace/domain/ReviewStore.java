package io.plexica.marketplace.domain;

import io.plexica.shared.query.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The plugins' reviews, with the rating summary of each plugin. */
public interface ReviewStore {

  Optional<Review> find(String pluginId, UUID tenantId);

  /**
   * Writes the tenant's review of the plugin (new, or in place of its earlier one, whose {@code
   * createdAt} stays).
   */
  void save(Review review);

  /** A review of the plugin by its id. */
  Optional<Review> byId(String pluginId, UUID id);

  /**
   * Sets the vendor's reply to a review of its plugin (or removes it, {@code text} empty); false
   * when the plugin has no review with that id.
   */
  boolean reply(String pluginId, UUID id, Optional<String> text, Instant at);

  /** Deletes the tenant's review of the plugin; false when it had none. */
  boolean delete(String pluginId, UUID tenantId);

  /** Hides a review ({@code hiddenAt} present) or shows it again; false when there is none. */
  boolean moderate(String pluginId, UUID tenantId, Optional<Instant> hiddenAt, String reason);

  /**
   * A page of a plugin's reviews as a tenant sees them, newest first: the visible ones, and its own
   * even when hidden; with the summary of the visible ratings.
   */
  ReviewPage visible(String pluginId, UUID viewer, PageRequest page);

  /** A page of every review (or one plugin's), newest first, for moderation. */
  ReviewPage all(Optional<String> pluginId, Optional<Boolean> hidden, PageRequest page);

  /** Reviews, how many there are, and the visible ratings' summary (empty for moderation). */
  record ReviewPage(List<Review> items, long total, RatingSummary summary) {
    public ReviewPage {
      items = List.copyOf(items);
    }
  }

  /** How many visible ratings of each value, 1 to 5 ({@code counts[0]} is the ones). */
  record RatingSummary(long[] counts) {
    public static final RatingSummary NONE = new RatingSummary(new long[5]);

    public RatingSummary {
      counts = counts.clone();
    }

    public long count() {
      long total = 0;
      for (long c : counts) {
        total += c;
      }
      return total;
    }

    /** The mean rating, absent without ratings. */
    public Optional<Double> average() {
      long count = count();
      if (count == 0) {
        return Optional.empty();
      }
      long sum = 0;
      for (int i = 0; i < counts.length; i++) {
        sum += (i + 1) * counts[i];
      }
      return Optional.of((double) sum / count);
    }

    public long[] counts() {
      return counts.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof RatingSummary o && java.util.Arrays.equals(counts, o.counts);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
      return java.util.Arrays.toString(counts);
    }
  }
}
