package dev.brownout.reports;

/**
 * How late one fake provider sent what it had planned, in milliseconds of real time.
 *
 * @param provider    the provider's name
 * @param firstToken  per streamed call, how much later than planned its first token went out
 * @param tokens      per streamed call, how late its latest token went out against its plan (the call's worst token)
 */
public record ProviderLateness(String provider, Latency firstToken, Latency tokens) {
}
