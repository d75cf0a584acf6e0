package io.plexica.identity.app;

import io.plexica.identity.domain.IdentityProblems;
import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.domain.TenantRef;
import java.util.UUID;

/**
 * Whether a tenant's people are moving to another identity home right now: a person or service
 * account made or removed meanwhile would be left behind or go missing, so such changes wait.
 */
@FunctionalInterface
public interface PeopleMoving {
  PeopleMoving NEVER = tenantId -> false;

  boolean isMoving(UUID tenantId);

  /** {@code tenant-people-moving} while the tenant's people move. */
  default void requireSettled(TenantRef tenant) {
    if (isMoving(tenant.id())) {
      throw new ProblemException(
          IdentityProblems.PEOPLE_MOVING,
          "Tenant '"
              + tenant.slug()
              + "' is moving its people to another identity home; add or remove people and"
              + " service accounts when the move has ended (a minute at most).");
    }
  }
}
