package io.plexica.samples.analytics;

import io.plexica.sdk.hook.Hook;
import io.plexica.sdk.hook.HookCall;
import io.plexica.sdk.hook.HookHandler;
import io.plexica.sdk.hook.HookNames;
import io.plexica.sdk.hook.HookResult;
import jakarta.json.JsonString;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The hooks through which analytics counts and guards what happens in a tenant. */
public final class UsageHooks {
  private UsageHooks() {}

  /** Counts users as they come to the tenant. */
  @Component(service = HookHandler.class)
  @Hook(HookNames.USER_CREATED)
  public static class UserCreated implements HookHandler {
    @Reference Usage usage;

    @Override
    public HookResult handle(HookCall call) {
      usage.count(call.context(), "users");
      return HookResult.proceed();
    }
  }

  /** Counts workspaces once created. */
  @Component(service = HookHandler.class)
  @Hook(HookNames.WORKSPACE_CREATED)
  public static class WorkspaceCreated implements HookHandler {
    @Reference Usage usage;

    @Override
    public HookResult handle(HookCall call) {
      usage.count(call.context(), "workspaces");
      return HookResult.proceed();
    }
  }

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
