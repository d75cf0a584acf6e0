package io.plexica.shared.web;

import io.plexica.shared.problem.Validation;

/**
 * A JSON request body that carries its own rules: Bean Validation constraints on its components for
 * their shape, and {@link #value} for the rules of the domain's value objects. {@link
 * RequestBodies#value} checks both and reports every error at once, so that a resource hands its
 * service a valid value and holds no input rule itself.
 *
 * @param <V> what the body asks for, in the domain's terms
 */
public interface CheckedBody<V> {
  /**
   * What the body asks for. A component in error adds to {@code validation} (its value object is
   * then {@code null}); the result is used only when nothing was added.
   */
  V value(Validation validation);
}
