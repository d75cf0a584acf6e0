package io.plexica.sdk.service;

/**
 * Who provides a service to a call.
 *
 * @param pluginId the providing plugin
 * @param pluginVersion the version the call's tenant has installed
 * @param apiVersion the version of the service's package that version exports
 */
public record ServiceInfo(String pluginId, String pluginVersion, String apiVersion) {}
