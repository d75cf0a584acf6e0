package io.plexica.identity.api;

import io.plexica.identity.domain.Access;
import io.plexica.identity.domain.IdentityProblems;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.security.RequiresPermission;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.TreeSet;

/**
 * Checks {@link RequiresPermission} after the tenant and the caller's access are known: the
 * caller's roles in the tenant must grant the permission. Denial is 403 naming what is missing.
 */
@Provider
@RequiresPermission
@Priority(Priorities.AUTHORIZATION + 200)
public class PermissionFilter implements ContainerRequestFilter {
  @Inject CurrentIdentity identity;
  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    String needed = required();
    Access access = identity.access();
    if (!access.grants(needed)) {
      throw new ProblemException(
          IdentityProblems.PERMISSION_DENIED,
          "This needs the permission "
              + needed
              + ", which your roles "
              + new TreeSet<>(access.roles())
              + " do not grant.");
    }
  }

  private String required() {
    RequiresPermission onMethod =
        resource.getResourceMethod().getAnnotation(RequiresPermission.class);
    RequiresPermission annotation =
        onMethod != null
            ? onMethod
            : resource.getResourceClass().getAnnotation(RequiresPermission.class);
    if (annotation == null || annotation.value().isBlank()) {
      throw new IllegalStateException(
          "@RequiresPermission without a permission on " + resource.getResourceMethod());
    }
    return annotation.value();
  }
}
