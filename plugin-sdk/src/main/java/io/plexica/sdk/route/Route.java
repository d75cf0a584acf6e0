package io.plexica.sdk.route;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The request a {@link RouteHandler} answers, as service properties {@code plexica.route.method},
 * {@code plexica.route.path} and {@code plexica.route.permission}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Route {
  String PREFIX_ = "plexica.route.";

  /** The property names, for hosts and for services registered without Declarative Services. */
  String METHOD = PREFIX_ + "method";

  String PATH = PREFIX_ + "path";

  String PERMISSION = PREFIX_ + "permission";

  /** Since 1.1. */
  String WORKSPACE_ROLE = PREFIX_ + "workspaceRole";

  /** GET, POST, PUT, PATCH or DELETE. */
  String method();

  /**
   * The path below {@code /api/v1/plugins/<pluginId>}, starting with {@code /}; segments in braces
   * ({@code /contacts/{id}}) are path parameters.
   */
  String path();

  /**
   * The {@code resource:action} permission a caller needs, one the plugin declares in its manifest;
   * empty means any authenticated user of a tenant where the plugin is enabled.
   */
  String permission() default "";

  /**
   * The least role ({@code VIEWER}, {@code MEMBER} or {@code ADMIN}) a caller needs in the
   * workspace a call names; empty means {@code VIEWER} for {@code GET} and {@code MEMBER} for the
   * other methods. Calls that name no workspace are not affected. Since 1.1.
   */
  String workspaceRole() default "";
}
