/**
 * The real Toxiproxy image as a fault proxy backend:
 * {@link dev.brownout.faultproxy.container.ContainerBackend} starts it in a container with Testcontainers and
 * implements {@link dev.brownout.faultproxy.backend.FaultProxyBackend}, so a world can be checked against
 * Toxiproxy itself rather than the embedded server.
 * <p>
 * In the flow it takes the embedded server's place when the world is started: the proxies in front of the
 * fakes live in the container, and phases set their toxics over its control API. It needs Docker
 * ({@link dev.brownout.faultproxy.container.ContainerBackend#dockerAvailable()} says whether it is there).
 * <p>
 * Public API, in its own optional artifact so the harness does not need Testcontainers. It uses
 * {@code dev.brownout.faultproxy.backend}; hand it to {@code dev.brownout.Brownout#world} to use it.
 */
package dev.brownout.faultproxy.container;
