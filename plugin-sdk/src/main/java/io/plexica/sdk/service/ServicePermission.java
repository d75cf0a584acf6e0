package io.plexica.sdk.service;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a service operation needs, one the providing plugin declares in its {@code
 * plugin.json}: the platform checks it against the calling user before the operation runs, and
 * refuses with 403 naming it. An operation without one is open to every plugin allowed to call.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ServicePermission {
  String value();
}
