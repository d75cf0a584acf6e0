package io.plexica.sdk.hook;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/** The extension point a {@link HookHandler} handles, as service property {@code plexica.hook}. */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Hook {
  /** The property name, for hosts and for services registered without Declarative Services. */
  String NAME = "plexica.hook";

  /** One of {@link HookNames}. */
  String value();
}
