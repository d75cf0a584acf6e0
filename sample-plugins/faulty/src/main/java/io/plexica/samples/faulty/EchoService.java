package io.plexica.samples.faulty;

import io.plexica.samples.faulty.api.Echo;
import io.plexica.sdk.CallContext;
import org.osgi.service.component.annotations.Component;

/** The cheapest possible service, so that a benchmark sees only the platform's share of a call. */
@Component(service = Echo.class)
public class EchoService implements Echo {
  @Override
  public String echo(CallContext context, String text) {
    return text;
  }
}
