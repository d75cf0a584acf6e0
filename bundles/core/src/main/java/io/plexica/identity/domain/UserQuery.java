package io.plexica.identity.domain;

import io.plexica.shared.problem.Validation;
import io.plexica.shared.query.PageRequest;
import java.util.Locale;
import java.util.Optional;

/**
 * A page of users: optional text matched against username, e-mail and name, optional status and
 * role, ordered by username. {@code tenant} narrows the platform-wide search to one tenant.
 */
public record UserQuery(
    Optional<String> text,
    Optional<UserStatus> status,
    Optional<String> role,
    Optional<String> tenant,
    PageRequest paging) {

  public static UserQuery parse(String q, String status, String role, String page, String size) {
    return parse(q, status, role, null, page, size);
  }

  public static UserQuery parse(
      String q, String status, String role, String tenant, String page, String size) {
    Validation validation = new Validation();
    Optional<String> text = PageRequest.text(validation, q);
    Optional<UserStatus> statusFilter = Optional.empty();
    if (status != null && !status.isBlank()) {
      try {
        statusFilter = Optional.of(UserStatus.valueOf(status.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        validation.reject("status", "must be one of INVITED, ACTIVE, DISABLED");
      }
    }
    Optional<String> roleFilter = Optional.ofNullable(role).map(String::strip);
    roleFilter.ifPresent(r -> validation.check(() -> new RoleName(r)));
    Optional<String> tenantFilter =
        Optional.ofNullable(tenant).map(String::strip).filter(t -> !t.isEmpty());
    PageRequest paging = PageRequest.parse(validation, page, size);
    validation.throwIfInvalid();
    return new UserQuery(text, statusFilter, roleFilter, tenantFilter, paging);
  }
}
