package io.plexica.tenancy.api;

import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.app.TenantService;
import io.plexica.tenancy.context.CurrentTenant;
import io.plexica.tenancy.context.TenantScoped;
import io.plexica.tenancy.domain.TenancyProblems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Resolves the tenant of a {@link TenantScoped} request before the resource runs. */
@Provider
@TenantScoped
@Priority(Priorities.AUTHORIZATION + 100)
public class TenantContextFilter implements ContainerRequestFilter {
  @Inject TenantService tenants;
  @Inject CurrentTenant current;

  @Override
  public void filter(ContainerRequestContext request) {
    String named = request.getHeaderString(TenantScoped.HEADER);
    if (named == null || named.isBlank()) {
      throw new ProblemException(
          TenancyProblems.TENANT_REQUIRED,
          "Name the tenant in the " + TenantScoped.HEADER + " header, by its id or slug.");
    }
    current.set(tenants.resolveActive(named.strip()));
  }
}
