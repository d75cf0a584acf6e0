package io.plexica.plugins.domain;

import io.plexica.shared.events.DomainEvent;
import java.util.List;
import java.util.Optional;

/** The library bundles of the registry, with their bytes. */
public interface LibraryStore {

  /** Every library, oldest first: a library is added only once what it imports is there. */
  List<PluginLibrary> list();

  Optional<byte[]> bundle(String symbolicName, String version);

  /**
   * Records a library with the events that announce it; refused ({@code library-version-exists})
   * when that version is recorded already, whoever recorded it first.
   */
  void add(PluginLibrary library, byte[] bundle, List<DomainEvent> events);

  /** Forgets a library with the events that announce it; nothing happens when it is not there. */
  void delete(String symbolicName, String version, List<DomainEvent> events);
}
