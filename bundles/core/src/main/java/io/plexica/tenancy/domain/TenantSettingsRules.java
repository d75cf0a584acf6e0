package io.plexica.tenancy.domain;

import io.plexica.shared.problem.Validation;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The settings the platform itself reads ({@code locale}, {@code timeZone}) must mean something: a
 * time zone nobody knows ({@code Mars/Olympus}) would be saved and then break every date shown.
 * Other keys are the tenant's own.
 */
public final class TenantSettingsRules {
  private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
  private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

  private TenantSettingsRules() {}

  /** Rejects, into {@code validation}, each known setting that is not valid. */
  public static void check(JsonObject settings, Validation validation) {
    JsonValue locale = settings.get("locale");
    if (locale != null && locale != JsonValue.NULL) {
      if (!(locale instanceof JsonString text)
          || !LANGUAGE_TAG.matcher(text.getString()).matches()
          || Locale.forLanguageTag(text.getString()).getLanguage().isEmpty()) {
        validation.reject("settings.locale", "must be a language tag such as en or fr-CA");
      }
    }
    JsonValue timeZone = settings.get("timeZone");
    if (timeZone != null && timeZone != JsonValue.NULL) {
      if (!(timeZone instanceof JsonString text) || !ZONES.contains(text.getString())) {
        validation.reject(
            "settings.timeZone", "is not a time zone; use an IANA name such as Europe/Paris");
      }
    }
  }
}
