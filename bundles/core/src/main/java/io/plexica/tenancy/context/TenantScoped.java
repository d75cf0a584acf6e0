package io.plexica.tenancy.context;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource whose requests act for one tenant, named by the {@code X-Tenant-ID} header (its
 * id or slug). The request is refused unless that tenant exists and is active.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TenantScoped {
  String HEADER = "X-Tenant-ID";
}
