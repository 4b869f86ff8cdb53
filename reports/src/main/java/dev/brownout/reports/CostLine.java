package dev.brownout.reports;

/**
 * The provider calls of one model on one provider, from that provider's ledger.
 *
 * @param wastedUsd what the calls whose output never reached a user cost
 */
public record CostLine(String provider, String model, long calls, long inputTokens, long outputTokens,
                       double costUsd, double wastedUsd) {
}
