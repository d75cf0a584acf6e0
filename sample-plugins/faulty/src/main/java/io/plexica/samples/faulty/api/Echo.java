package io.plexica.samples.faulty.api;

import io.plexica.sdk.CallContext;
import org.osgi.annotation.versioning.ProviderType;

/** Answers with what it was given. */
@ProviderType
public interface Echo {
  String echo(CallContext context, String text);
}
