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
  /** With the annotation's name ({@code hook}) this makes the property {@code plexica.hook}. */
  String PREFIX_ = "plexica.";

  /** The property name, for hosts and for services registered without Declarative Services. */
  String NAME = PREFIX_ + "hook";

  /** One of {@link HookNames}. */
  String value();
}
