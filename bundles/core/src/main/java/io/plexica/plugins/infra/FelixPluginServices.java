package io.plexica.plugins.infra;

import io.plexica.plugins.app.CallContexts;
import io.plexica.plugins.app.PluginCalls;
import io.plexica.plugins.app.PluginRouter;
import io.plexica.plugins.app.PluginRuntime.ServiceOffer;
import io.plexica.plugins.domain.PluginInstallation;
import io.plexica.plugins.domain.PluginProblems;
import io.plexica.sdk.CallContext;
import io.plexica.sdk.route.RouteResponse;
import io.plexica.sdk.service.PluginGateway;
import io.plexica.sdk.service.PluginServices;
import io.plexica.sdk.service.ServiceInfo;
import io.plexica.sdk.service.ServicePermission;
import io.plexica.sdk.service.ServiceUnavailable;
import io.plexica.shared.problem.ProblemException;
import jakarta.json.JsonValue;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.resource.Namespace;

/**
 * Plugin services through the OSGi registry, with the platform in the middle ({@link PluginCalls}).
 * A plugin asks for an interface of a package it imports; the package's exporter names the plugin
 * that provides it, the call's tenant names that plugin's version, and that version's bundle must
 * export the package in a version the caller's import accepts and register the interface. The
 * caller gets a handle, never the callee's object: each operation is checked again (the handle's
 * call still running, the callee still enabled at that version and running, the operation's
 * permission) and runs under the callee's breaker and time limit. When the caller is wired to
 * another version of the package than the callee's (crm 1.1 and 1.2 side by side), values are
 * carried across by {@link ValueBridge}.
 */
final class FelixPluginServices implements AutoCloseable {
  private static final String PACKAGE = "osgi.wiring.package";

  private final FelixHost host;
  private final PluginCalls calls;
  private final Function<Bundle, Optional<String[]>> pluginOf;
  private final BiFunction<String, String, Bundle> bundleOf;

  /** What a caller's interface resolves to in a callee's bundle; dropped when bundles change. */
  private final Map<Key, Target> targets = new ConcurrentHashMap<>();

  private final ServiceRegistration<PluginServices> services;
  private final ServiceRegistration<PluginGateway> gateway;

  private record Key(Bundle caller, Class<?> type, Bundle callee) {}

  /** A service of a callee's bundle as one caller's interface reaches it. */
  private record Target(
      String calleeId,
      String calleeVersion,
      String apiVersion,
      ServiceReference<?> reference,
      Object service,
      boolean bridged,
      Map<Method, Operation> operations) {}

  /** An operation of the caller's interface: the callee's method and the permission it needs. */
  private record Operation(Method method, String name, String permission) {}

  /**
   * @param pluginOf the plugin id and version a running bundle serves
   * @param bundleOf the running bundle of a plugin version, started if it is not running
   */
  FelixPluginServices(
      FelixHost host,
      PluginCalls calls,
      Function<Bundle, Optional<String[]>> pluginOf,
      BiFunction<String, String, Bundle> bundleOf) {
    this.host = host;
    this.calls = calls;
    this.pluginOf = pluginOf;
    this.bundleOf = bundleOf;
    host.context().addBundleListener(this::bundleChanged);
    host.context().addServiceListener(this::serviceChanged);
    this.services =
        host.context()
            .registerService(PluginServices.class, new PerBundle<>(ServicesOf::new), null);
    this.gateway =
        host.context().registerService(PluginGateway.class, new PerBundle<>(GatewayOf::new), null);
  }

  private void bundleChanged(BundleEvent event) {
    if (event.getType() == BundleEvent.STOPPING || event.getType() == BundleEvent.UNRESOLVED) {
      forget(event.getBundle());
    }
  }

  private void serviceChanged(ServiceEvent event) {
    if (event.getType() == ServiceEvent.UNREGISTERING) {
      targets
          .entrySet()
          .removeIf(e -> e.getValue().reference().equals(event.getServiceReference()));
    }
  }

  private void forget(Bundle bundle) {
    targets.keySet().removeIf(key -> key.caller().equals(bundle) || key.callee().equals(bundle));
  }

  /** The calling plugin, from the bundle that asked (known once the bundle runs). */
  private String[] caller(Bundle bundle) {
    return pluginOf
        .apply(bundle)
        .orElseThrow(
            () ->
                new ServiceUnavailable(
                    "plugin services", "Plugin services are for calls of a running plugin."));
  }

  private <S> Resolved resolve(Bundle callerBundle, CallContext context, Class<S> type) {
    String[] caller = caller(callerBundle);
    String what = type.getName();
    BundleWire wire =
        importWire(callerBundle, type.getPackageName())
            .orElseThrow(
                () ->
                    new ServiceUnavailable(
                        what,
                        "Plugin '"
                            + caller[0]
                            + "' does not import package "
                            + type.getPackageName()
                            + " from another plugin; services come from a plugin's exported API"
                            + " package."));
    Bundle exporter = wire.getProvider().getBundle();
    String calleeId =
        pluginOf
            .apply(exporter)
            .map(plugin -> plugin[0])
            .orElseGet(() -> FelixPluginRuntime.pluginIdOfOrNull(exporter));
    if (calleeId == null) {
      throw new ServiceUnavailable(what, type.getPackageName() + " is not a plugin's package.");
    }
    PluginInstallation installation =
        calls.reachable(caller[0], caller[1], context, calleeId, what);
    Bundle callee = bundleOf.apply(calleeId, installation.pluginVersion());
    Target target =
        targets.computeIfAbsent(
            new Key(callerBundle, type, callee),
            key -> target(key, wire, caller[0], calleeId, installation.pluginVersion()));
    return new Resolved(caller, installation, target);
  }

  private record Resolved(String[] caller, PluginInstallation installation, Target target) {}

  private Target target(
      Key key, BundleWire wire, String callerId, String calleeId, String calleeVersion) {
    String what = key.type().getName();
    String packageName = key.type().getPackageName();
    BundleCapability export =
        exportOf(key.callee(), packageName)
            .orElseThrow(
                () ->
                    unavailable(
                        what,
                        calleeId,
                        calleeVersion,
                        ", installed in this tenant, does not export " + packageName + "."));
    String apiVersion = String.valueOf(export.getAttributes().get("version"));
    if (!wire.getRequirement().matches(export)) {
      throw unavailable(
          what,
          calleeId,
          calleeVersion,
          ", installed in this tenant, exports "
              + packageName
              + " "
              + apiVersion
              + ", outside what plugin '"
              + callerId
              + "' imports ("
              + wire.getRequirement().getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE)
              + ").");
    }
    ServiceReference<?> reference =
        registered(key.callee(), what)
            .orElseThrow(
                () ->
                    unavailable(
                        what,
                        calleeId,
                        calleeVersion,
                        " registers no " + key.type().getSimpleName() + " service."));
    Object service = host.context().getService(reference);
    if (service == null) {
      throw new ServiceUnavailable(what, "Plugin '" + calleeId + "' is stopping.");
    }
    Class<?> calleeType;
    try {
      calleeType = key.callee().loadClass(what);
    } catch (ClassNotFoundException e) {
      throw new ServiceUnavailable(what, "Plugin '" + calleeId + "' cannot see " + what + ".");
    }
    Map<Method, Operation> operations = new HashMap<>();
    for (Method method : key.type().getMethods()) {
      if (method.getDeclaringClass() == Object.class) {
        continue;
      }
      Method own = calleeMethod(calleeType, method);
      if (own == null) {
        // An operation of a newer minor version of the API than the callee's: a default method
        // runs on the caller's side (on top of the operations the callee has), any other is
        // refused when called.
        continue;
      }
      ServicePermission permission = own.getAnnotation(ServicePermission.class);
      operations.put(
          method,
          new Operation(
              own,
              key.type().getSimpleName() + "." + method.getName(),
              permission == null ? "" : permission.value()));
    }
    return new Target(
        calleeId,
        calleeVersion,
        apiVersion,
        reference,
        service,
        calleeType != key.type(),
        Map.copyOf(operations));
  }

  /** Why plugin {@code calleeId} at {@code calleeVersion} cannot serve {@code what}. */
  private static ServiceUnavailable unavailable(
      String what, String calleeId, String calleeVersion, String why) {
    return new ServiceUnavailable(what, "Plugin '" + calleeId + "' " + calleeVersion + why);
  }

  private static Method calleeMethod(Class<?> calleeType, Method method) {
    for (Method candidate : calleeType.getMethods()) {
      if (candidate.getName().equals(method.getName())
          && sameParameters(candidate.getParameterTypes(), method.getParameterTypes())) {
        return candidate;
      }
    }
    return null;
  }

  private static boolean sameParameters(Class<?>[] a, Class<?>[] b) {
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (!a[i].getName().equals(b[i].getName())) {
        return false;
      }
    }
    return true;
  }

  private static Optional<BundleWire> importWire(Bundle bundle, String packageName) {
    BundleWiring wiring = bundle.adapt(BundleWiring.class);
    if (wiring == null) {
      return Optional.empty();
    }
    return wiring.getRequiredWires(PACKAGE).stream()
        .filter(w -> packageName.equals(w.getCapability().getAttributes().get(PACKAGE)))
        .findFirst();
  }

  private static Optional<BundleCapability> exportOf(Bundle bundle, String packageName) {
    BundleRevision revision = bundle.adapt(BundleRevision.class);
    if (revision == null) {
      return Optional.empty();
    }
    return revision.getDeclaredCapabilities(PACKAGE).stream()
        .filter(c -> packageName.equals(c.getAttributes().get(PACKAGE)))
        .findFirst();
  }

  private static Optional<ServiceReference<?>> registered(Bundle bundle, String interfaceName) {
    ServiceReference<?>[] registered = bundle.getRegisteredServices();
    if (registered == null) {
      return Optional.empty();
    }
    for (ServiceReference<?> reference : registered) {
      if (reference.getProperty(Constants.OBJECTCLASS) instanceof String[] classes
          && List.of(classes).contains(interfaceName)) {
        return Optional.of(reference);
      }
    }
    return Optional.empty();
  }

  /** The services a running plugin version offers: interfaces of the packages it exports. */
  List<ServiceOffer> offers(Bundle bundle) {
    List<ServiceOffer> offers = new ArrayList<>();
    ServiceReference<?>[] registered = bundle.getRegisteredServices();
    if (registered == null) {
      return offers;
    }
    for (ServiceReference<?> reference : registered) {
      if (!(reference.getProperty(Constants.OBJECTCLASS) instanceof String[] classes)) {
        continue;
      }
      for (String name : classes) {
        String packageName = name.substring(0, Math.max(0, name.lastIndexOf('.')));
        Optional<BundleCapability> export = exportOf(bundle, packageName);
        if (export.isEmpty()) {
          continue;
        }
        Map<String, String> operations = new java.util.TreeMap<>();
        try {
          for (Method method : bundle.loadClass(name).getMethods()) {
            if (method.getDeclaringClass() != Object.class) {
              ServicePermission permission = method.getAnnotation(ServicePermission.class);
              operations.put(method.getName(), permission == null ? "" : permission.value());
            }
          }
        } catch (ClassNotFoundException e) {
          continue;
        }
        offers.add(
            new ServiceOffer(
                name,
                packageName,
                Version.parseVersion(String.valueOf(export.get().getAttributes().get("version")))
                    .toString(),
                operations));
      }
    }
    return offers;
  }

  /** Each plugin bundle gets its own {@link PluginServices} or {@link PluginGateway}. */
  private record PerBundle<S>(Function<Bundle, S> make)
      implements org.osgi.framework.ServiceFactory<S> {
    @Override
    public S getService(Bundle bundle, ServiceRegistration<S> registration) {
      return make.apply(bundle);
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<S> registration, S service) {
      // nothing held
    }
  }

  private final class ServicesOf implements PluginServices {
    private final Bundle bundle;

    ServicesOf(Bundle bundle) {
      this.bundle = bundle;
    }

    @Override
    public <S> S get(CallContext context, Class<S> type) {
      if (!type.isInterface()) {
        throw new ServiceUnavailable(type.getName(), "A service is asked for by its interface.");
      }
      Resolved resolved = resolve(bundle, context, type);
      return type.cast(
          Proxy.newProxyInstance(
              type.getClassLoader(), new Class<?>[] {type}, new Handle(resolved, context, type)));
    }

    @Override
    public Optional<ServiceInfo> find(CallContext context, Class<?> type) {
      try {
        Target target = resolve(bundle, context, type).target();
        return Optional.of(
            new ServiceInfo(target.calleeId(), target.calleeVersion(), target.apiVersion()));
      } catch (ServiceUnavailable e) {
        return Optional.empty();
      }
    }
  }

  /**
   * What a caller holds: valid during the call it was asked in, checked at every operation, calling
   * the callee's object it never hands out.
   */
  private final class Handle implements InvocationHandler {
    private final Resolved resolved;
    private final CallContext context;
    private final Class<?> type;

    Handle(Resolved resolved, CallContext context, Class<?> type) {
      this.resolved = resolved;
      this.context = context;
      this.type = type;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
      if (method.getDeclaringClass() == Object.class) {
        return switch (method.getName()) {
          case "equals" -> proxy == arguments[0];
          case "hashCode" -> System.identityHashCode(proxy);
          default ->
              type.getSimpleName()
                  + " of plugin "
                  + resolved.target().calleeId()
                  + " "
                  + resolved.target().calleeVersion();
        };
      }
      Target target = resolved.target();
      String[] caller = resolved.caller();
      if (!CallContexts.SHARED.isIssued(caller[0], context)) {
        throw new ServiceUnavailable(
            type.getName(),
            "A "
                + type.getSimpleName()
                + " handle was kept after the call it was asked in; ask PluginServices again in"
                + " each call.");
      }
      PluginInstallation now =
          calls.reachable(caller[0], caller[1], context, target.calleeId(), type.getName());
      if (!now.pluginVersion().equals(target.calleeVersion())
          || target.reference().getBundle() == null
          || target.reference().getBundle().getState() != Bundle.ACTIVE) {
        throw new ServiceUnavailable(
            type.getName(),
            "Plugin '" + target.calleeId() + "' changed during the call; ask for it again.");
      }
      Operation operation = target.operations().get(method);
      if (operation == null) {
        if (method.isDefault()) {
          return InvocationHandler.invokeDefault(proxy, method, arguments);
        }
        throw unavailable(
            type.getName(),
            target.calleeId(),
            target.calleeVersion(),
            " offers "
                + type.getSimpleName()
                + " "
                + target.apiVersion()
                + ", which has no "
                + method.getName()
                + ".");
      }
      PluginCalls.requirePermission(
          context, target.calleeId(), operation.name(), operation.permission());
      CallContext calleeContext = PluginCalls.contextFor(context, now);
      Object[] passed = arguments == null ? new Object[0] : arguments.clone();
      for (int i = 0; i < passed.length; i++) {
        if (passed[i] == context) {
          passed[i] = calleeContext;
        } else if (passed[i] instanceof CallContext) {
          throw new ProblemException(
              PluginProblems.CONTEXT_REFUSED,
              "Plugin '"
                  + caller[0]
                  + "' passed "
                  + type.getSimpleName()
                  + " a call context other than the one of the call it asked in; refused.");
        } else if (target.bridged()) {
          passed[i] = ValueBridge.copy(passed[i], operation.method().getGenericParameterTypes()[i]);
        }
      }
      Object result =
          calls.invoke(
              caller[0],
              target.calleeId(),
              PluginCalls.SERVICE,
              calleeContext,
              () -> {
                try {
                  return operation.method().invoke(target.service(), passed);
                } catch (InvocationTargetException e) {
                  throw e.getCause() instanceof Exception cause ? cause : e;
                }
              });
      return target.bridged() ? ValueBridge.copy(result, method.getGenericReturnType()) : result;
    }
  }

  private final class GatewayOf implements PluginGateway {
    private final Bundle bundle;

    GatewayOf(Bundle bundle) {
      this.bundle = bundle;
    }

    @Override
    public RouteResponse call(
        CallContext context,
        String pluginId,
        String method,
        String path,
        Map<String, List<String>> query,
        Optional<JsonValue> body) {
      String[] caller = caller(bundle);
      return calls.route(
          caller[0],
          caller[1],
          context,
          new PluginRouter.Call(
              pluginId, method, path, query, body, context.workspaceId(), context.workspaceRole()));
    }
  }

  @Override
  public void close() {
    services.unregister();
    gateway.unregister();
    targets.clear();
  }
}
