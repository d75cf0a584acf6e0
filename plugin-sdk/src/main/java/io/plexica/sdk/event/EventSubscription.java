package io.plexica.sdk.event;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The topics an {@link EventHandler} component subscribes to, as component properties:
 *
 * <pre>
 * &#64;Component(service = EventHandler.class)
 * &#64;EventSubscription(topics = "core.user.created")
 * public class WelcomeNewUsers implements EventHandler { ... }
 * </pre>
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface EventSubscription {
  /** Prefix of the component properties. */
  String PREFIX_ = "plexica.event.";

  /** The component property holding the topics. */
  String TOPICS = PREFIX_ + "topics";

  /** The component property holding {@link #workspaceOnly()}. */
  String WORKSPACE_ONLY = PREFIX_ + "workspaceOnly";

  /** Topics such as {@code core.user.created} or {@code plugin.crm.deal_won}. */
  String[] topics();

  /** Only events that happened in a workspace (they name one). */
  boolean workspaceOnly() default false;
}
