package io.plexica.samples.crm.api;

import io.plexica.sdk.CallContext;
import io.plexica.sdk.service.ServicePermission;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The contacts of the call's tenant, for other plugins; read only (crm's routes change them). Since
 * 1.1: look-up by e-mail address.
 */
@ProviderType
public interface CrmContacts {
  /** Every contact with its company's name, by name. */
  @ServicePermission("crm:contacts:read")
  List<Contact> contacts(CallContext context);

  @ServicePermission("crm:contacts:read")
  Optional<Contact> contact(CallContext context, UUID id);

  /** The contact with this e-mail address, whatever its case (since 1.1). */
  @ServicePermission("crm:contacts:read")
  default Optional<Contact> contactByEmail(CallContext context, String email) {
    return contacts(context).stream()
        .filter(c -> c.email() != null && c.email().equalsIgnoreCase(email.strip()))
        .findFirst()
        .map(c -> new Contact(c.id(), c.name(), c.email().toLowerCase(Locale.ROOT), c.company()));
  }
}
