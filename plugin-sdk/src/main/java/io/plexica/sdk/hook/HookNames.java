package io.plexica.sdk.hook;

/**
 * The extension points of the platform and the payload each hands to {@link HookCall#payload()}.
 * Every payload is a JSON object; ids are strings (UUIDs).
 */
public final class HookNames {
  private HookNames() {}

  /**
   * A tenant finished provisioning. Payload: {@code tenantId}, {@code slug}, {@code name}. Observed
   * only (the tenant exists).
   */
  public static final String TENANT_CREATED = "tenant.created";

  /**
   * A user appeared in a tenant (invited, synchronised or seen for the first time). Payload: {@code
   * userId}, {@code username}, {@code email}, {@code roles} (array). Observed only.
   */
  public static final String USER_CREATED = "user.created";

  /**
   * A workspace is about to be created. Payload: {@code slug}, {@code name}. Vetoable: a veto
   * refuses the creation with 422 {@code workspace-vetoed} and the plugin's reason. Vetoable points
   * are delivered before the operation, synchronously; the others after it, in the background.
   */
  public static final String WORKSPACE_CREATING = "workspace.creating";

  /**
   * A workspace was created. Payload: {@code workspaceId}, {@code slug}, {@code name}. Observed.
   * The call's context names the new workspace ({@link io.plexica.sdk.CallContext#workspaceId()}),
   * so the plugin's workspace-scoped data and files work in the hook.
   */
  public static final String WORKSPACE_CREATED = "workspace.created";

  /**
   * This plugin was installed in a tenant (called on the plugin itself, after its migrations).
   * Payload: {@code pluginId}, {@code version}. Observed.
   */
  public static final String PLUGIN_INSTALLED = "plugin.installed";
}
