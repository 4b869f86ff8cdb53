package dev.brownout.reports;

/** A model that actually served calls, per the provider's ledger. */
public record ModelServed(String provider, String model, long calls) {
}
