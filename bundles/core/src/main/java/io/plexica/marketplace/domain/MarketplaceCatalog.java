package io.plexica.marketplace.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The plugins published to tenants, searchable. */
public interface MarketplaceCatalog {
  MarketplaceResults search(MarketplaceQuery query);

  /** A listed plugin (deprecated ones are not); empty when there is none by that id. */
  Optional<MarketplaceResults.Listing> listing(String id);

  /** The deployed versions of a plugin, newest first. */
  List<DeployedVersion> versions(String id);

  /** A version and when it was deployed. */
  record DeployedVersion(String version, Instant deployedAt) {}
}
