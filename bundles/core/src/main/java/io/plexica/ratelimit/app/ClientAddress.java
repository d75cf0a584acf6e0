package io.plexica.ratelimit.app;

import java.util.List;
import java.util.Set;

/**
 * The address of the client a request came from. Behind a load balancer every request comes from
 * the balancer; it names the client in {@code X-Forwarded-For}, which is believed only when the
 * request came from one of the trusted proxies: anyone else could write any address there and
 * escape their limit. Of the addresses listed, the client is the last one no trusted proxy wrote.
 */
public final class ClientAddress {
  private final Set<String> trustedProxies;

  public ClientAddress(Set<String> trustedProxies) {
    this.trustedProxies = Set.copyOf(trustedProxies);
  }

  public String of(String remoteAddress, String forwardedFor) {
    if (forwardedFor == null || !trustedProxies.contains(remoteAddress)) {
      return remoteAddress;
    }
    List<String> hops =
        List.of(forwardedFor.split(",")).stream()
            .map(String::strip)
            .filter(h -> !h.isEmpty())
            .toList();
    for (int i = hops.size() - 1; i >= 0; i--) {
      if (!trustedProxies.contains(hops.get(i))) {
        return hops.get(i);
      }
    }
    return hops.isEmpty() ? remoteAddress : hops.get(0);
  }
}
