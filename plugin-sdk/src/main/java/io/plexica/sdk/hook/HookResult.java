package io.plexica.sdk.hook;

import java.util.Optional;

/** A hook handler's answer: go on, or (where the point allows it) stop with a reason. */
public record HookResult(boolean vetoed, Optional<String> reason) {
  private static final HookResult PROCEED = new HookResult(false, Optional.empty());

  public static HookResult proceed() {
    return PROCEED;
  }

  /** Stops a vetoable operation; the reason reaches the user, so write it for a person. */
  public static HookResult veto(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("A veto needs a reason");
    }
    return new HookResult(true, Optional.of(reason));
  }
}
