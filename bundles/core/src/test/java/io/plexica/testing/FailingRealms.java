package io.plexica.testing;

import io.plexica.identity.app.Realms;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;

/** The real realms, except that the named operations fail as if Keycloak refused them. */
public final class FailingRealms {
  private FailingRealms() {}

  public static Realms failing(Realms real, String... operations) {
    Set<String> failing = Set.of(operations);
    return (Realms)
        Proxy.newProxyInstance(
            Realms.class.getClassLoader(),
            new Class<?>[] {Realms.class},
            (proxy, method, args) -> {
              if (failing.contains(method.getName())) {
                throw new IllegalStateException("injected Keycloak failure in " + method.getName());
              }
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
