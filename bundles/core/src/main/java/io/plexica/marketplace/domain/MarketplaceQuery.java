package io.plexica.marketplace.domain;

import io.plexica.shared.problem.FieldRules;
import io.plexica.shared.problem.Validation;
import io.plexica.shared.query.PageRequest;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A search of the marketplace: words (each matched as the start of a word of the name, id, vendor,
 * category, tags or description), exact filters, an order and a page.
 *
 * @param words lower-case letters and digits only, at most {@link #MAX_WORDS}
 */
public record MarketplaceQuery(
    List<String> words,
    Optional<String> category,
    Optional<String> vendor,
    Optional<String> tag,
    Sort sort,
    PageRequest page,
    Set<Facet> facets) {
  public static final int MAX_WORDS = 8;
  private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9-]{1,39}");
  private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9-]{0,29}");
  private static final int MAX_VENDOR = 100;

  /** A search that counts every facet. */
  public MarketplaceQuery(
      List<String> words,
      Optional<String> category,
      Optional<String> vendor,
      Optional<String> tag,
      Sort sort,
      PageRequest page) {
    this(words, category, vendor, tag, sort, page, EnumSet.allOf(Facet.class));
  }

  public MarketplaceQuery {
    words = List.copyOf(words);
    facets = facets.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(facets));
    if (words.size() > MAX_WORDS
        || words.stream()
            .anyMatch(w -> w.isEmpty() || !w.codePoints().allMatch(Character::isLetterOrDigit))) {
      throw new IllegalArgumentException(
          "Search words are letters and digits, at most " + MAX_WORDS);
    }
  }

  /**
   * Reads the raw query parameters, reporting every bad one at once. The order defaults to
   * relevance when words are given, else to popularity.
   */
  public static MarketplaceQuery parse(
      String q,
      String category,
      String vendor,
      String tag,
      String sort,
      String page,
      String size,
      String facets) {
    Validation validation = new Validation();
    Optional<String> text = PageRequest.text(validation, q);
    Optional<String> categoryFilter = filter(category);
    if (categoryFilter.isPresent() && !CATEGORY.matcher(categoryFilter.get()).matches()) {
      validation.reject("category", "must be a category id: lower-case letters, digits, hyphens");
    }
    // A vendor is matched exactly as listed: the rule of every display name of the API.
    Optional<String> vendorFilter =
        filter(vendor)
            .map(v -> validation.check(() -> FieldRules.requiredName("vendor", v, MAX_VENDOR)));
    Optional<String> tagFilter = filter(tag);
    if (tagFilter.isPresent() && !TAG.matcher(tagFilter.get()).matches()) {
      validation.reject("tag", "must be a tag: up to 30 lower-case letters, digits, hyphens");
    }
    List<String> words = words(text);
    Sort order = words.isEmpty() ? Sort.POPULAR : Sort.RELEVANCE;
    if (sort != null && !sort.isBlank()) {
      try {
        order = Sort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        validation.reject("sort", "must be one of relevance, popular, rating, name, recent");
      }
    }
    PageRequest paging = PageRequest.parse(validation, page, size);
    Set<Facet> counted = EnumSet.allOf(Facet.class);
    if (facets != null) {
      counted = EnumSet.noneOf(Facet.class);
      for (String name : facets.split(",")) {
        if (name.isBlank()) {
          continue;
        }
        try {
          counted.add(Facet.valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          validation.reject(
              "facets", "must list some of category, vendor, tag, separated by commas");
        }
      }
    }
    validation.throwIfInvalid();
    return new MarketplaceQuery(
        words, categoryFilter, vendorFilter, tagFilter, order, paging, counted);
  }

  private static Optional<String> filter(String value) {
    return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
  }

  /** The filters whose values a search may count ({@code facets=category,vendor,tag}). */
  public enum Facet {
    CATEGORY,
    VENDOR,
    TAG
  }

  /** The order of the results. */
  public enum Sort {
    /** Best match first (name before tags before description), then the most installed. */
    RELEVANCE,
    /** Most installed first. */
    POPULAR,
    /** Best rated first (the mean of the visible ratings), then the most rated; unrated last. */
    RATING,
    /** By name. */
    NAME,
    /** Most recently updated first. */
    RECENT
  }

  /**
   * The words of a person's search text: split at anything but a letter or a digit, lower-cased,
   * the first {@link #MAX_WORDS} kept.
   */
  public static List<String> words(Optional<String> text) {
    return text.stream()
        .flatMap(t -> Arrays.stream(t.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")))
        .filter(w -> !w.isEmpty())
        .distinct()
        .limit(MAX_WORDS)
        .toList();
  }
}
