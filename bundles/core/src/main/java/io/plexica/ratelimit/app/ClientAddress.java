package io.plexica.ratelimit.app;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;

/**
 * The address of the client a request came from. Behind a load balancer every request comes from
 * the balancer; it names the client in {@code X-Forwarded-For}, which is believed only when the
 * request came from one of the trusted proxies: anyone else could write any address there and
 * escape their limit. Of the addresses listed, the client is the last one no trusted proxy wrote.
 * Trusted proxies are addresses or ranges ({@code 10.0.0.0/8}: an ingress controller's pods).
 */
public final class ClientAddress {
  private final List<Range> trustedProxies;

  public ClientAddress(Set<String> trustedProxies) {
    this.trustedProxies = trustedProxies.stream().map(Range::parse).toList();
  }

  /** An address, or a CIDR range of them; literal IP addresses only (no name is ever looked up). */
  private record Range(byte[] network, int prefix) {
    static Range parse(String text) {
      int slash = text.indexOf('/');
      byte[] address = literal(slash < 0 ? text : text.substring(0, slash));
      if (address == null) {
        throw new IllegalArgumentException("Not an IP address or range: " + text);
      }
      int prefix = slash < 0 ? address.length * 8 : Integer.parseInt(text.substring(slash + 1));
      if (prefix < 0 || prefix > address.length * 8) {
        throw new IllegalArgumentException("Not a prefix length for " + text);
      }
      return new Range(address, prefix);
    }

    boolean contains(byte[] address) {
      if (address == null || address.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < prefix; bit++) {
        int mask = 0x80 >> (bit % 8);
        if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }

  private static byte[] literal(String text) {
    String host = text.strip();
    // Only literals: InetAddress would resolve a name through DNS.
    if (!host.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
      return null;
    }
    try {
      return InetAddress.getByName(host).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private boolean trusted(String address) {
    byte[] bytes = literal(address);
    return trustedProxies.stream().anyMatch(range -> range.contains(bytes));
  }

  public String of(String remoteAddress, String forwardedFor) {
    if (forwardedFor == null || !trusted(remoteAddress)) {
      return remoteAddress;
    }
    List<String> hops =
        List.of(forwardedFor.split(",")).stream()
            .map(String::strip)
            .filter(h -> !h.isEmpty())
            .toList();
    for (int i = hops.size() - 1; i >= 0; i--) {
      if (!trusted(hops.get(i))) {
        return hops.get(i);
      }
    }
    return hops.isEmpty() ? remoteAddress : hops.get(0);
  }
}
