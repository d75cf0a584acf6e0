package io.plexica.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.ratelimit.app.ClientAddress;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
  private final ClientAddress behindProxy = new ClientAddress(Set.of("10.0.0.2", "10.0.0.3"));

  @Test
  void aClientThatIsNoTrustedProxyCannotNameAnotherAddress() {
    assertThat(behindProxy.of("198.51.100.7", "203.0.113.1")).isEqualTo("198.51.100.7");
    assertThat(new ClientAddress(Set.of()).of("10.0.0.2", "203.0.113.1")).isEqualTo("10.0.0.2");
  }

  @Test
  void behindTrustedProxiesTheClientIsTheLastAddressNoProxyWrote() {
    assertThat(behindProxy.of("10.0.0.2", "203.0.113.1")).isEqualTo("203.0.113.1");
    // The client wrote a first address itself to escape its limit: the proxy's entry wins.
    assertThat(behindProxy.of("10.0.0.2", "1.2.3.4, 203.0.113.1")).isEqualTo("203.0.113.1");
    assertThat(behindProxy.of("10.0.0.3", "203.0.113.1, 10.0.0.2")).isEqualTo("203.0.113.1");
  }

  @Test
  void withoutAnyHeaderTheConnectionsAddressCounts() {
    assertThat(behindProxy.of("10.0.0.2", null)).isEqualTo("10.0.0.2");
    assertThat(behindProxy.of("10.0.0.2", " , ")).isEqualTo("10.0.0.2");
  }

  @Test
  void trustedProxiesMayBeRangesOfAddresses() {
    ClientAddress ingress = new ClientAddress(Set.of("10.0.0.0/8", "fd00::/8"));
    assertThat(ingress.of("10.42.7.3", "203.0.113.9")).isEqualTo("203.0.113.9");
    assertThat(ingress.of("11.0.0.1", "203.0.113.9")).isEqualTo("11.0.0.1");
    assertThat(ingress.of("fd00::17", "2001:db8::5")).isEqualTo("2001:db8::5");
    // A name in the header is no address of a proxy, nor is it looked up.
    assertThat(ingress.of("10.1.1.1", "proxy.example, 203.0.113.9")).isEqualTo("203.0.113.9");
  }

  @Test
  void aSettingThatIsNoAddressIsRefusedAtStart() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new ClientAddress(Set.of("proxy.example")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
