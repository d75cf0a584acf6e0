package io.plexica.tenancy.domain;

import io.plexica.shared.problem.Validation;
import io.plexica.shared.query.PageRequest;
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
    Optional<String> text = PageRequest.text(validation, q);
    Optional<TenantStatus> statusFilter = Optional.empty();
    if (status != null && !status.isBlank()) {
      try {
        statusFilter = Optional.of(TenantStatus.valueOf(status.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        validation.reject(
            "status", "must be one of PROVISIONING, ACTIVE, SUSPENDED, FAILED, DELETED");
      }
    }
    PageRequest paging = PageRequest.parse(validation, page, size);
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
    return new TenantQuery(text, statusFilter, paging.page(), paging.size(), field, descending);
  }
}
