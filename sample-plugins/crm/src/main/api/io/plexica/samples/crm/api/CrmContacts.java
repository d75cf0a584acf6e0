package io.plexica.samples.crm.api;

import io.plexica.sdk.CallContext;
import io.plexica.sdk.service.ServicePermission;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.osgi.annotation.versioning.ProviderType;

/** The contacts of the call's tenant, for other plugins; read only (crm's routes change them). */
@ProviderType
public interface CrmContacts {
  /** Every contact with its company's name, by name. */
  @ServicePermission("crm:contacts:read")
  List<Contact> contacts(CallContext context);

  @ServicePermission("crm:contacts:read")
  Optional<Contact> contact(CallContext context, UUID id);
}
