package io.plexica.sdk.service;

/**
 * A service or route of another plugin cannot be reached in this call: not installed or disabled in
 * the tenant, at a version outside the caller's import range, not declared as a dependency, resting
 * after failures, over its time limit, or a handle kept from an earlier call. Catch it to carry on
 * without the other plugin; left alone, the call ends with 503 naming the service.
 */
public class ServiceUnavailable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String service;

  /**
   * @param service the service's interface or the plugin's route, as named to people
   * @param detail why, for a person
   */
  public ServiceUnavailable(String service, String detail) {
    super(detail);
    this.service = service;
  }

  /** The service's interface, or {@code plugin METHOD /path} for a route. */
  public String service() {
    return service;
  }
}
