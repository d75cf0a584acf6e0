package io.plexica.marketplace.domain;

import java.time.Instant;
import java.util.List;

/** A page of marketplace listings, how many match in all, and the counts to narrow them by. */
public record MarketplaceResults(List<Listing> items, long total, Facets facets) {
  public MarketplaceResults {
    items = List.copyOf(items);
  }

  /** A published plugin as the marketplace lists it. */
  public record Listing(
      String id,
      String name,
      String vendor,
      String category,
      String description,
      List<String> tags,
      String currentVersion,
      int installs,
      Instant updatedAt,
      int ratings,
      int ratingSum) {
    public Listing {
      tags = List.copyOf(tags);
    }

    /** The mean of the visible ratings, to one decimal; absent without any. */
    public java.util.Optional<Double> rating() {
      return ratings == 0
          ? java.util.Optional.empty()
          : java.util.Optional.of(Math.round(ratingSum * 10.0 / ratings) / 10.0);
    }
  }

  /**
   * For each filter, its values among the plugins the other filters and the words leave, most
   * frequent first (at most {@link #MAX_VALUES} each): choosing a category still shows how many
   * plugins every other category has.
   */
  public record Facets(List<Count> categories, List<Count> vendors, List<Count> tags) {
    public static final int MAX_VALUES = 20;

    public Facets {
      categories = List.copyOf(categories);
      vendors = List.copyOf(vendors);
      tags = List.copyOf(tags);
    }
  }

  /** A filter's value and how many plugins have it. */
  public record Count(String value, long count) {}
}
