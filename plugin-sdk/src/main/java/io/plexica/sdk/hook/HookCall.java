package io.plexica.sdk.hook;

import io.plexica.sdk.CallContext;
import jakarta.json.JsonObject;

/**
 * One firing of an extension point.
 *
 * @param name the extension point, one of {@link HookNames}
 * @param payload what happened, as documented for the point
 * @param vetoable whether a veto would stop the operation
 * @param context the tenant (and the user, when one acts) of the event
 */
public record HookCall(String name, JsonObject payload, boolean vetoable, CallContext context) {}
