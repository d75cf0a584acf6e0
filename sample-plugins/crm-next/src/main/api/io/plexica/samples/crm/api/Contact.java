package io.plexica.samples.crm.api;

import java.util.UUID;

/**
 * A contact of the tenant's CRM.
 *
 * @param company its company's name, null when it has none
 */
public record Contact(UUID id, String name, String email, String company) {}
