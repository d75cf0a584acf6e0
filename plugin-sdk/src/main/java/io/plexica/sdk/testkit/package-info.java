/**
 * Unit-testing a plugin without the platform: {@link io.plexica.sdk.testkit.TestCalls} builds the
 * requests, hook calls and contexts the platform would hand to a plugin, and {@link
 * io.plexica.sdk.testkit.RecordingData} stands in for the plugin's tables by recording statements
 * and answering with rows the test gives. Not exported: it exists only on a test class path.
 */
package io.plexica.sdk.testkit;
