package io.plexica.plugins.infra;

import io.plexica.plugincheck.SdkManifest;
import io.plexica.plugins.app.CallContexts;
import io.plexica.plugins.app.PluginCalls;
import io.plexica.plugins.app.PluginRuntime;
import io.plexica.plugins.domain.PluginManifest;
import io.plexica.plugins.domain.PluginProblems;
import io.plexica.sdk.CallContext;
import io.plexica.sdk.data.PluginData;
import io.plexica.sdk.event.EventHandler;
import io.plexica.sdk.event.EventPublisher;
import io.plexica.sdk.event.EventSubscription;
import io.plexica.sdk.files.PluginFiles;
import io.plexica.sdk.files.StoredFile;
import io.plexica.sdk.hook.Hook;
import io.plexica.sdk.hook.HookHandler;
import io.plexica.sdk.route.Route;
import io.plexica.sdk.route.RouteHandler;
import io.plexica.sdk.service.ServiceUnavailable;
import io.plexica.shared.problem.ProblemException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * Plugins as bundles of the embedded Felix framework. Routes are whatever {@link RouteHandler}
 * services the running bundle of a plugin registers right now (whiteboard): when the bundle stops
 * they are gone, with no cleanup code.
 */
public class FelixPluginRuntime implements PluginRuntime, AutoCloseable {
  static final String LOCATION = "plexica:plugin/";

  private final FelixHost host;

  /** Plugin id → version → its bundle: several versions of a plugin may serve different tenants. */
  private final Map<String, Map<String, Bundle>> running = new ConcurrentHashMap<>();

  private final ServiceTracker<RouteHandler, RouteHandler> routes;

  /**
   * The routes of each running bundle, parsed when they are registered and dropped when they go, so
   * a request looks only at its plugin version's routes and parses nothing.
   */
  private final Map<Bundle, List<IndexedRoute>> routeIndex = new ConcurrentHashMap<>();

  /** A tracker per hook name, made at the first call of that hook: the registry filters by name. */
  private final Map<String, ServiceTracker<HookHandler, HookHandler>> hooks =
      new ConcurrentHashMap<>();

  private final ServiceTracker<EventHandler, EventHandler> eventHandlers;
  private final ServiceRegistration<EventPublisher> publisher;
  private final ServiceRegistration<PluginData> data;
  private final ServiceRegistration<PluginFiles> files;
  private volatile FelixPluginServices services;

  public FelixPluginRuntime(
      FelixHost host,
      JdbcPluginData backend,
      PluginFileStore fileStore,
      PluginEventPublisher eventPublisher) {
    this.host = host;
    this.data = host.context().registerService(PluginData.class, new DataPerPlugin(backend), null);
    this.files =
        host.context().registerService(PluginFiles.class, new FilesPerPlugin(fileStore), null);
    // Each tracker sees only services that carry what the platform needs of them: a route
    // without a method and path, or a subscription without topics, is never handed over.
    this.routes =
        tracker(
            RouteHandler.class,
            "(" + Route.METHOD + "=*)(" + Route.PATH + "=*)",
            new RouteIndexer());
    this.eventHandlers = tracker(EventHandler.class, "(" + EventSubscription.TOPICS + "=*)", null);
    this.publisher =
        host.context()
            .registerService(EventPublisher.class, new PublisherPerPlugin(eventPublisher), null);
  }

  @Override
  public SdkManifest sdk() {
    return SdkManifest.CURRENT;
  }

  @Override
  public synchronized void activate(PluginManifest manifest, byte[] bundle) {
    Map<String, Bundle> versions =
        running.computeIfAbsent(manifest.id(), id -> new ConcurrentHashMap<>());
    if (versions.containsKey(manifest.version())) {
      return;
    }
    try {
      versions.put(
          manifest.version(),
          host.installAndStart(
              LOCATION + manifest.id() + "/" + manifest.version() + "/" + System.nanoTime(),
              bundle));
    } catch (FelixHost.UnmetImports e) {
      throw new ProblemException(
          PluginProblems.BUNDLE_UNRESOLVED,
          cannotStart(manifest)
              + "it imports "
              + String.join(", ", e.packages())
              + ", which nothing here exports. The platform gives plugins the packages of its SDK"
              + " (io.plexica.sdk.*), jakarta.json and those of the library bundles a platform"
              + " administrator added (GET /api/v1/admin/plugin-libraries). Add the library that"
              + " exports them (its bundle from Maven Central, such as commons-lang3, to POST"
              + " /api/v1/admin/plugin-libraries) or put it inside your jar (with bnd,"
              + " -conditionalpackage: followed by the library's packages, such as"
              + " org.apache.commons.lang3.*), as docs/plugin-guide.md section 1 says.",
          e);
    } catch (BundleException | RuntimeException e) {
      throw new ProblemException(
          PluginProblems.BUNDLE_UNRESOLVED, cannotStart(manifest) + e.getMessage(), e);
    }
  }

  private static String cannotStart(PluginManifest manifest) {
    return "Plugin '" + manifest.id() + "' " + manifest.version() + " cannot start: ";
  }

  @Override
  public synchronized void deactivate(String pluginId) {
    Map<String, Bundle> versions = running.remove(pluginId);
    if (versions != null) {
      versions.values().forEach(this::uninstall);
    }
  }

  @Override
  public synchronized void deactivate(String pluginId, String version) {
    Map<String, Bundle> versions = running.get(pluginId);
    Bundle bundle = versions == null ? null : versions.remove(version);
    if (bundle != null) {
      uninstall(bundle);
    }
  }

  private void uninstall(Bundle bundle) {
    try {
      host.uninstall(bundle);
    } catch (BundleException e) {
      throw new IllegalStateException("Could not uninstall " + bundle.getLocation(), e);
    }
  }

  @Override
  public Set<String> activeVersions(String pluginId) {
    return Set.copyOf(running.getOrDefault(pluginId, Map.of()).keySet());
  }

  @Override
  public Set<String> activePlugins() {
    Set<String> ids = new TreeSet<>();
    running.forEach(
        (id, versions) -> {
          if (!versions.isEmpty()) {
            ids.add(id);
          }
        });
    return ids;
  }

  @Override
  public Optional<MatchedRoute> route(String pluginId, String version, String method, String path) {
    Bundle bundle = running.getOrDefault(pluginId, Map.of()).get(version);
    if (bundle == null) {
      return Optional.empty();
    }
    MatchedRoute best = null;
    int bestLiterals = -1;
    for (IndexedRoute route : routeIndex.getOrDefault(bundle, List.of())) {
      if (!route.method().equalsIgnoreCase(method)
          || route.template().literalLength() <= bestLiterals) {
        continue;
      }
      Optional<Map<String, String>> parameters = route.template().match(path);
      if (parameters.isPresent()) {
        best =
            new MatchedRoute(
                route.template().toString(),
                route.permission(),
                route.workspaceRole(),
                parameters.get(),
                route.handler());
        bestLiterals = route.template().literalLength();
      }
    }
    return Optional.ofNullable(best);
  }

  /** A route a running bundle registered, with its template parsed. */
  private record IndexedRoute(
      ServiceReference<RouteHandler> reference,
      String method,
      RouteTemplate template,
      String permission,
      String workspaceRole,
      RouteHandler handler) {

    static IndexedRoute of(ServiceReference<RouteHandler> reference, RouteHandler handler) {
      Object permission = reference.getProperty(Route.PERMISSION);
      Object workspaceRole = reference.getProperty(Route.WORKSPACE_ROLE);
      return new IndexedRoute(
          reference,
          String.valueOf(reference.getProperty(Route.METHOD)),
          RouteTemplate.parse(String.valueOf(reference.getProperty(Route.PATH))),
          permission == null ? "" : permission.toString(),
          workspaceRole == null ? "" : workspaceRole.toString(),
          handler);
    }
  }

  /** Keeps {@link #routeIndex} as routes come and go with their bundles (atomically per bundle). */
  private final class RouteIndexer implements ServiceTrackerCustomizer<RouteHandler, RouteHandler> {
    @Override
    public RouteHandler addingService(ServiceReference<RouteHandler> reference) {
      RouteHandler handler = host.context().getService(reference);
      if (handler != null) {
        index(reference, handler);
      }
      return handler;
    }

    @Override
    public void modifiedService(ServiceReference<RouteHandler> reference, RouteHandler handler) {
      forget(reference);
      index(reference, handler);
    }

    @Override
    public void removedService(ServiceReference<RouteHandler> reference, RouteHandler handler) {
      forget(reference);
      host.context().ungetService(reference);
    }

    private void index(ServiceReference<RouteHandler> reference, RouteHandler handler) {
      IndexedRoute route = IndexedRoute.of(reference, handler);
      routeIndex.compute(
          reference.getBundle(),
          (bundle, list) -> {
            List<IndexedRoute> routes = list == null ? new CopyOnWriteArrayList<>() : list;
            routes.add(route);
            return routes;
          });
    }

    /** By reference: an unregistering service may no longer name its bundle. */
    private void forget(ServiceReference<RouteHandler> reference) {
      for (Bundle bundle : routeIndex.keySet()) {
        routeIndex.computeIfPresent(
            bundle,
            (b, list) -> {
              list.removeIf(r -> r.reference().equals(reference));
              return list.isEmpty() ? null : list;
            });
      }
    }
  }

  @Override
  public synchronized void mediate(PluginCalls calls) {
    if (services == null) {
      services =
          new FelixPluginServices(
              host,
              calls,
              this::pluginOf,
              (id, version) -> {
                Bundle bundle = running.getOrDefault(id, Map.of()).get(version);
                if (bundle == null) {
                  calls.ensureRunning(id, version);
                  bundle = running.getOrDefault(id, Map.of()).get(version);
                }
                if (bundle == null) {
                  throw new ServiceUnavailable(
                      "plugin '" + id + "'",
                      "Plugin '" + id + "' " + version + " does not run here.");
                }
                return bundle;
              });
    }
  }

  @Override
  public List<ServiceOffer> services(String pluginId, String version) {
    Bundle bundle = running.getOrDefault(pluginId, Map.of()).get(version);
    FelixPluginServices mediator = services;
    return bundle == null || mediator == null ? List.of() : mediator.offers(bundle);
  }

  @Override
  public List<HookTarget> hooks(String name) {
    ServiceTracker<HookHandler, HookHandler> named =
        hooks.computeIfAbsent(
            name,
            n -> tracker(HookHandler.class, "(" + Hook.NAME + "=" + ldapValue(n) + ")", null));
    ServiceReference<HookHandler>[] references = named.getServiceReferences();
    List<HookTarget> targets = new ArrayList<>();
    if (references == null) {
      return targets;
    }
    for (ServiceReference<HookHandler> reference : references) {
      Optional<String[]> plugin = pluginOf(reference.getBundle());
      HookHandler handler = named.getService(reference);
      if (plugin.isPresent() && handler != null) {
        targets.add(new HookTarget(plugin.get()[0], plugin.get()[1], handler));
      }
    }
    return targets;
  }

  @Override
  public List<EventSubscriber> eventHandlers() {
    ServiceReference<EventHandler>[] references = eventHandlers.getServiceReferences();
    List<EventSubscriber> subscribers = new ArrayList<>();
    if (references == null) {
      return subscribers;
    }
    for (ServiceReference<EventHandler> reference : references) {
      Optional<String[]> plugin = pluginOf(reference.getBundle());
      EventHandler handler = eventHandlers.getService(reference);
      Set<String> topics = strings(reference.getProperty(EventSubscription.TOPICS));
      if (plugin.isPresent() && handler != null && !topics.isEmpty()) {
        subscribers.add(
            new EventSubscriber(
                plugin.get()[0],
                plugin.get()[1],
                String.valueOf(reference.getProperty("component.name")),
                topics,
                Boolean.parseBoolean(
                    String.valueOf(reference.getProperty(EventSubscription.WORKSPACE_ONLY))),
                handler));
      }
    }
    return subscribers;
  }

  private static Set<String> strings(Object property) {
    if (property instanceof String[] values) {
      return Set.of(values);
    }
    if (property instanceof String value) {
      return Set.of(value);
    }
    return Set.of();
  }

  /** The plugin id and version whose running bundle this is; none for a bundle on its way out. */
  private Optional<String[]> pluginOf(Bundle bundle) {
    for (Map.Entry<String, Map<String, Bundle>> plugin : running.entrySet()) {
      for (Map.Entry<String, Bundle> version : plugin.getValue().entrySet()) {
        if (version.getValue().equals(bundle)) {
          return Optional.of(new String[] {plugin.getKey(), version.getKey()});
        }
      }
    }
    return Optional.empty();
  }

  /** The plugin a bundle was installed for, or null when it is not a plugin's bundle. */
  static String pluginIdOfOrNull(Bundle bundle) {
    return bundle.getLocation().startsWith(LOCATION) ? pluginIdOf(bundle) : null;
  }

  /** The plugin a bundle was installed for, from the location the host gave it. */
  static String pluginIdOf(Bundle bundle) {
    String location = bundle.getLocation();
    if (!location.startsWith(LOCATION)) {
      throw new IllegalStateException("Not a plugin bundle: " + location);
    }
    String rest = location.substring(LOCATION.length());
    return rest.substring(0, rest.indexOf('/'));
  }

  /**
   * The context handed back by a plugin, if the platform issued it to that plugin for this call.
   */
  private static CallContext issued(String pluginId, CallContext context) {
    return CallContexts.SHARED.require(pluginId, context);
  }

  /** Each plugin's bundle gets a {@link PluginData} bound to that plugin's tables. */
  private record DataPerPlugin(JdbcPluginData backend) implements ServiceFactory<PluginData> {
    @Override
    public PluginData getService(Bundle bundle, ServiceRegistration<PluginData> registration) {
      String pluginId = pluginIdOf(bundle);
      return new PluginData() {
        @Override
        public List<Map<String, Object>> query(
            CallContext context, String sql, Object... parameters) {
          return backend.query(pluginId, issued(pluginId, context), sql, parameters);
        }

        @Override
        public int update(CallContext context, String sql, Object... parameters) {
          return backend.update(pluginId, issued(pluginId, context), sql, parameters);
        }
      };
    }

    @Override
    public void ungetService(
        Bundle bundle, ServiceRegistration<PluginData> registration, PluginData service) {
      // nothing held
    }
  }

  /** Each plugin's bundle gets an {@link EventPublisher} publishing under that plugin's name. */
  private record PublisherPerPlugin(PluginEventPublisher backend)
      implements ServiceFactory<EventPublisher> {
    @Override
    public EventPublisher getService(
        Bundle bundle, ServiceRegistration<EventPublisher> registration) {
      String pluginId = pluginIdOf(bundle);
      return (context, event, data) ->
          backend.publish(pluginId, issued(pluginId, context), event, data);
    }

    @Override
    public void ungetService(
        Bundle bundle, ServiceRegistration<EventPublisher> registration, EventPublisher service) {
      // nothing held
    }
  }

  /** Each plugin's bundle gets a {@link PluginFiles} confined to that plugin's files. */
  private record FilesPerPlugin(PluginFileStore backend) implements ServiceFactory<PluginFiles> {
    @Override
    public PluginFiles getService(Bundle bundle, ServiceRegistration<PluginFiles> registration) {
      String pluginId = pluginIdOf(bundle);
      return new PluginFiles() {
        @Override
        public StoredFile put(
            CallContext context, String name, String contentType, byte[] content) {
          return backend.put(pluginId, issued(pluginId, context), name, contentType, content);
        }

        @Override
        public Optional<byte[]> get(CallContext context, String name) {
          return backend.get(pluginId, issued(pluginId, context), name);
        }

        @Override
        public List<StoredFile> list(CallContext context, String prefix) {
          return backend.list(pluginId, issued(pluginId, context), prefix);
        }

        @Override
        public void delete(CallContext context, String name) {
          backend.delete(pluginId, issued(pluginId, context), name);
        }

        @Override
        public URI downloadUrl(CallContext context, String name) {
          return backend.downloadUrl(pluginId, issued(pluginId, context), name);
        }
      };
    }

    @Override
    public void ungetService(
        Bundle bundle, ServiceRegistration<PluginFiles> registration, PluginFiles service) {
      // nothing held
    }
  }

  /** The path parameters when {@code path} fits {@code template}: segments in braces match any. */
  public static Optional<Map<String, String>> match(String template, String path) {
    return RouteTemplate.parse(template).match(path);
  }

  @Override
  public void close() {
    if (services != null) {
      services.close();
    }
    data.unregister();
    files.unregister();
    publisher.unregister();
    eventHandlers.close();
    routes.close();
    hooks.values().forEach(ServiceTracker::close);
  }

  /** An open tracker of the services of {@code type} that match every condition of {@code and}. */
  private <S> ServiceTracker<S, S> tracker(
      Class<S> type, String and, ServiceTrackerCustomizer<S, S> customizer) {
    String filter = "(&(" + Constants.OBJECTCLASS + "=" + type.getName() + ")" + and + ")";
    try {
      ServiceTracker<S, S> tracker =
          new ServiceTracker<>(host.context(), host.context().createFilter(filter), customizer);
      tracker.open();
      return tracker;
    } catch (InvalidSyntaxException e) {
      throw new IllegalArgumentException("Not an LDAP filter: " + filter, e);
    }
  }

  /** A value as an LDAP filter takes it (RFC 4515): its special characters escaped. */
  static String ldapValue(String value) {
    StringBuilder escaped = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      if (c == '\\' || c == '*' || c == '(' || c == ')') {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }
}
