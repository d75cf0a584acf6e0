/**
 * Unit-testing a plugin without the platform: {@link io.plexica.sdk.testkit.TestCalls} builds the
 * requests, hook calls and contexts the platform would hand to a plugin, and {@link
 * io.plexica.sdk.testkit.RecordingData} stands in for the plugin's tables by recording statements
 * and answering with rows the test gives. Its own artifact ({@code plexica-plugin-sdk-testkit}), a
 * test dependency of plugins: the platform does not ship it.
 */
package io.plexica.sdk.testkit;
