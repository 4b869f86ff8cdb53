/**
 * Where the harness's fault proxies run: a {@link dev.brownout.faultproxy.backend.FaultProxyBackend} is any
 * Toxiproxy-compatible server the harness drives over HTTP, whether the embedded one
 * ({@link dev.brownout.faultproxy.backend.FaultProxyBackend#embedded()}), one already running
 * ({@link dev.brownout.faultproxy.backend.FaultProxyBackend#external(java.net.URI)}), or the real image in a
 * container ({@code dev.brownout.faultproxy.container.ContainerBackend}, in its own optional artifact).
 * <p>
 * It is started with the world: the harness creates one proxy per fake on the backend and, as phases start,
 * sets and clears their toxics. Its address methods hide where the proxies listen, so the rest of the
 * harness works the same with any backend.
 * <p>
 * Public API. It uses {@code dev.brownout.faultproxy}; {@code dev.brownout} (to choose a backend for a
 * world), the harness's world ({@code dev.brownout.internal.world}) and
 * {@code dev.brownout.faultproxy.container} use it.
 */
package dev.brownout.faultproxy.backend;
