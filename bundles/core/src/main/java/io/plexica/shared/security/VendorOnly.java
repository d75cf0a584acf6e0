package io.plexica.shared.security;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the endpoints of plugin vendors: only a token of a vendor's account (realm {@code
 * plexica-platform}, role {@code plugin-vendor}, recorded as a vendor) gets through, and acts for
 * that vendor alone; platform administrators and tenant tokens never do.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface VendorOnly {}
