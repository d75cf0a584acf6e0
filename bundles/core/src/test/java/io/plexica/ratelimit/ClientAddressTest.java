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
}
