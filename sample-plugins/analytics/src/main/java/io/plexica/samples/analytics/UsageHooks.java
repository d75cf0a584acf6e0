package io.plexica.samples.analytics;

import io.plexica.sdk.hook.Hook;
import io.plexica.sdk.hook.HookCall;
import io.plexica.sdk.hook.HookHandler;
import io.plexica.sdk.hook.HookNames;
import io.plexica.sdk.hook.HookResult;
import jakarta.json.JsonString;
import org.osgi.service.component.annotations.Component;

/**
 * The hook through which analytics guards what happens in a tenant: a veto must answer before the
 * change, so it stays a hook (counting moved to events, see {@link UsageEvents}).
 */
public final class UsageHooks {
  private UsageHooks() {}

  /** Refuses workspaces whose slug the tenant reserved in this plugin's configuration. */
  @Component(service = HookHandler.class)
  @Hook(HookNames.WORKSPACE_CREATING)
  public static class ReservedSlugs implements HookHandler {
    @Override
    public HookResult handle(HookCall call) {
      String slug = call.payload().getString("slug");
      var reserved = call.context().config().getJsonArray("reservedWorkspaceSlugs");
      if (reserved != null
          && reserved.getValuesAs(JsonString.class).stream()
              .anyMatch(s -> s.getString().equals(slug))) {
        return HookResult.veto("'" + slug + "' is reserved by this tenant's analytics settings.");
      }
      return HookResult.proceed();
    }
  }
}
