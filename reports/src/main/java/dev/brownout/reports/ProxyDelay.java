package dev.brownout.reports;

/**
 * The delay one fault proxy added to the bytes it forwarded beyond what its toxics planned, in milliseconds: how
 * long each read chunk waited in the proxy past the instant it was due at its destination.
 *
 * @param proxy the proxy's name
 * @param added the added delay over every chunk forwarded during the run
 */
public record ProxyDelay(String proxy, Latency added) {
}
