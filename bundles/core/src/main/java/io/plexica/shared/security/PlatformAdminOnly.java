package io.plexica.shared.security;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks platform-level endpoints: only a platform administrator's token (realm {@code
 * plexica-platform}, role {@code platform-admin}) gets through; tenant tokens never do.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PlatformAdminOnly {}
