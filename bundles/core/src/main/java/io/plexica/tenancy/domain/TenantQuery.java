package io.plexica.tenancy.domain;

import io.plexica.shared.problem.Validation;
import java.util.Locale;
import java.util.Optional;

/**
 * A page of the tenant list: optional text matched against slug and name, optional status, and an
 * order by one whitelisted field.
 */
public record TenantQuery(
    Optional<String> text,
    Optional<TenantStatus> status,
    int page,
    int size,
    SortField sortField,
    boolean descending) {

  public static final int MAX_SIZE = 100;
  public static final int DEFAULT_SIZE = 20;

  /** The fields a client may sort by, named as in the API. */
  public enum SortField {
    SLUG("slug"),
    NAME("name"),
    STATUS("status"),
    CREATED_AT("createdAt"),
    UPDATED_AT("updatedAt");

    private final String apiName;

    SortField(String apiName) {
      this.apiName = apiName;
    }

    public String apiName() {
      return apiName;
    }

    static Optional<SortField> fromApiName(String name) {
      for (SortField field : values()) {
        if (field.apiName.equals(name)) {
          return Optional.of(field);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * Reads the raw query parameters, reporting every bad one at once. {@code sort} is a field name,
   * prefixed with {@code -} for descending order; the default is newest first.
   */
  public static TenantQuery parse(String q, String status, String page, String size, String sort) {
    Validation validation = new Validation();
    Optional<String> text = Optional.ofNullable(q).map(String::strip).filter(s -> !s.isEmpty());
    if (text.isPresent() && text.get().length() > 200) {
      validation.reject("q", "must be at most 200 characters");
    }
    Optional<TenantStatus> statusFilter = Optional.empty();
    if (status != null && !status.isBlank()) {
      try {
        statusFilter = Optional.of(TenantStatus.valueOf(status.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        validation.reject(
            "status", "must be one of PROVISIONING, ACTIVE, SUSPENDED, FAILED, DELETED");
      }
    }
    int pageNumber = integer(page, 0);
    if (pageNumber < 0) {
      validation.reject("page", "must be a whole number, 0 or more");
    }
    int pageSize = integer(size, DEFAULT_SIZE);
    if (pageSize < 1 || pageSize > MAX_SIZE) {
      validation.reject("size", "must be a whole number between 1 and " + MAX_SIZE);
    }
    SortField field = SortField.CREATED_AT;
    boolean descending = true;
    if (sort != null && !sort.isBlank()) {
      String name = sort.strip();
      descending = name.startsWith("-");
      Optional<SortField> parsed = SortField.fromApiName(descending ? name.substring(1) : name);
      if (parsed.isEmpty()) {
        validation.reject(
            "sort", "must be one of slug, name, status, createdAt, updatedAt, optionally with -");
      } else {
        field = parsed.get();
      }
    }
    validation.throwIfInvalid();
    return new TenantQuery(text, statusFilter, pageNumber, pageSize, field, descending);
  }

  /** The parameter as a number; -1 (refused by both bounds) when it is not one. */
  private static int integer(String text, int fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
