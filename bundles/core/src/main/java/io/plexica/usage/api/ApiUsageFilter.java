package io.plexica.usage.api;

import io.plexica.usage.app.ApiUsageRecorder;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Counts every API call with its status and duration (from before authentication to the response)
 * for the console's analytics. Refused calls count too: they are traffic and errors.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
public class ApiUsageFilter implements ContainerRequestFilter, ContainerResponseFilter {
  private static final String STARTED = ApiUsageFilter.class.getName() + ".started";

  @Inject ApiUsageRecorder recorder;

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object started = request.getProperty(STARTED);
    if (started instanceof Long nanos) {
      recorder.record(response.getStatus(), (System.nanoTime() - nanos) / 1_000_000);
    }
  }
}
