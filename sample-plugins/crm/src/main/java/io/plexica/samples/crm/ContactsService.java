package io.plexica.samples.crm;

import io.plexica.samples.crm.api.Contact;
import io.plexica.samples.crm.api.CrmContacts;
import io.plexica.sdk.CallContext;
import io.plexica.sdk.data.PluginData;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** crm's contacts as a service to other plugins, on crm's own tables in the call's tenant. */
@Component(service = CrmContacts.class)
public class ContactsService implements CrmContacts {
  private static final String SELECT =
      "SELECT c.id, c.name, c.email, co.name AS company FROM ${contacts} c"
          + " LEFT JOIN ${companies} co ON co.id = c.company_id";

  @Reference PluginData data;

  @Override
  public List<Contact> contacts(CallContext context) {
    return data.query(context, SELECT + " ORDER BY c.name").stream()
        .map(ContactsService::contact)
        .toList();
  }

  @Override
  public Optional<Contact> contact(CallContext context, UUID id) {
    return data.query(context, SELECT + " WHERE c.id = ?", id).stream()
        .findFirst()
        .map(ContactsService::contact);
  }

  private static Contact contact(Map<String, Object> row) {
    return new Contact(
        UUID.fromString((String) row.get("id")),
        (String) row.get("name"),
        (String) row.get("email"),
        (String) row.get("company"));
  }
}
