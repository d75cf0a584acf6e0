package io.plexica.sdk.files;

import io.plexica.sdk.CallContext;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The plugin's files in the tenant of a call, confined to the call's workspace when it names one;
 * get it with {@code @Reference PluginFiles}. Names are 1 to 512 characters of letters, digits,
 * {@code . _ -} in segments separated by {@code /} (no {@code .} or {@code ..} segments). At most
 * 25 MiB per file.
 */
@ProviderType
public interface PluginFiles {

  /** Stores (or replaces) a file. */
  StoredFile put(CallContext context, String name, String contentType, byte[] content);

  /** The file's bytes, or empty when there is none by that name. */
  Optional<byte[]> get(CallContext context, String name);

  /** The files whose names start with {@code prefix} ({@code ""} for all), in name order. */
  List<StoredFile> list(CallContext context, String prefix);

  /** Deletes a file; nothing happens when there is none by that name. */
  void delete(CallContext context, String name);

  /** A link that downloads the file without credentials for five minutes. */
  URI downloadUrl(CallContext context, String name);
}
