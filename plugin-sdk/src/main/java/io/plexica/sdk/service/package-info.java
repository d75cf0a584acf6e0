/**
 * Calling other plugins in the same call: by a typed service ({@link
 * io.plexica.sdk.service.PluginServices}), or by one of their routes ({@link
 * io.plexica.sdk.service.PluginGateway}), in process and always through the platform.
 *
 * <p>A plugin offers a service by exporting an API package (its own {@code package-info.java} with
 * {@code @Export} and {@code @Version}) and registering an implementation of an interface of it as
 * a Declarative Services component. Every operation takes the {@link io.plexica.sdk.CallContext}
 * first, and may require a permission ({@link io.plexica.sdk.service.ServicePermission}):
 *
 * <pre>
 * &#64;ProviderType
 * public interface CrmContacts {
 *   &#64;ServicePermission("crm:contacts:read")
 *   List&lt;Contact&gt; contacts(CallContext context);
 * }
 *
 * &#64;Component(service = CrmContacts.class)
 * public class ContactsService implements CrmContacts { ... }
 * </pre>
 *
 * A plugin that uses it imports the package (bnd writes the range from the version it was compiled
 * against), names the plugin in its {@code plugin.json} {@code dependencies}, and asks for the
 * service inside a call:
 *
 * <pre>
 * &#64;Reference PluginServices services;
 * ...
 * List&lt;Contact&gt; contacts = services.get(request.context(), CrmContacts.class)
 *     .contacts(request.context());
 * </pre>
 *
 * The platform answers with the version of the plugin the call's tenant has installed and enabled,
 * runs it with the same tenant and caller (the callee's own configuration), checks the operation's
 * permission, applies the callee's time limit and breaker, and counts the call in its metrics. What
 * {@code get} returns works for the call it was asked in only; the next call asks again.
 */
@Export
@Version("1.0.0")
package io.plexica.sdk.service;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
