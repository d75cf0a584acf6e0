package io.plexica.sdk.service;

import io.plexica.sdk.CallContext;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Other plugins' services, for one call; get it with {@code @Reference PluginServices}. The
 * service's interface must come from a package the plugin imports from a plugin its {@code
 * plugin.json} depends on.
 */
@ProviderType
public interface PluginServices {

  /**
   * The service of {@code type} as the call's tenant has it: a handle that calls the version of the
   * providing plugin installed and enabled there. The handle works while this call runs; kept for a
   * later call, it throws {@link ServiceUnavailable}.
   *
   * @throws ServiceUnavailable when no enabled plugin of the tenant provides it in a version the
   *     caller's import accepts, or the caller did not declare the dependency
   */
  <S> S get(CallContext context, Class<S> type);

  /**
   * Which plugin and version would answer {@code type} in this call, or empty when none would (the
   * same rules as {@link #get}, without failing): for a feature that works with or without it.
   */
  Optional<ServiceInfo> find(CallContext context, Class<?> type);
}
