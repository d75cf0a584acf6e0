package io.plexica.plugins.app;

import io.plexica.plugins.domain.PluginProblems;
import io.plexica.sdk.CallContext;
import io.plexica.shared.problem.ProblemException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The call contexts the platform handed to plugins and that are still in use: a context is issued
 * to one plugin for one call and withdrawn when the call ends. When a plugin hands a context back
 * (to read its tables, store a file, publish an event), the platform accepts only the very object
 * it issued to that plugin, for a call still running, and then uses its own values: a context a
 * plugin built itself (another tenant's id in it), copied, kept from an earlier call or borrowed
 * from another plugin is refused, naming the plugin.
 *
 * <p>{@link CallContext} is a public record, so its values prove nothing; only its identity does.
 * One registry serves the whole JVM, because the identity of an issued object is unique there.
 */
public final class CallContexts {
  private static final Logger LOG = Logger.getLogger(CallContexts.class.getName());

  public static final CallContexts SHARED = new CallContexts();

  private final ConcurrentHashMap<Issued, String> issued = new ConcurrentHashMap<>();

  /** An issued context, compared by identity, never by its (forgeable) values. */
  private static final class Issued {
    private final CallContext context;

    Issued(CallContext context) {
      this.context = context;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Issued that && that.context == context;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(context);
    }
  }

  /** A context handed to a plugin until {@link Withdrawal#close()}. */
  public interface Withdrawal extends AutoCloseable {
    @Override
    void close();
  }

  public Withdrawal issue(String pluginId, CallContext context) {
    Issued key = new Issued(context);
    issued.put(key, pluginId);
    return () -> issued.remove(key, pluginId);
  }

  /** The context, when the platform issued this very object to this plugin for a running call. */
  public CallContext require(String pluginId, CallContext context) {
    String owner = context == null ? null : issued.get(new Issued(context));
    if (!pluginId.equals(owner)) {
      LOG.warning(
          "Plugin "
              + pluginId
              + " handed back a call context the platform did not issue to it for a running"
              + " call; refused");
      throw new ProblemException(
          PluginProblems.CONTEXT_REFUSED,
          "Plugin '"
              + pluginId
              + "' used a call context the platform did not give it for this call (built,"
              + " copied, kept from an earlier call or taken from another plugin); refused.");
    }
    return context;
  }

  /** Whether the platform issued this very object to this plugin for a call still running. */
  public boolean isIssued(String pluginId, CallContext context) {
    return context != null && pluginId.equals(issued.get(new Issued(context)));
  }

  /** How many contexts are in use now (for tests). */
  public int inUse() {
    return issued.size();
  }
}
