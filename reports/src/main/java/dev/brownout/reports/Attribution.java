package dev.brownout.reports;

/**
 * An IQ loss split by cause, each part in the same unit as the loss (a share of the baseline's quality),
 * so the parts add up to the whole.
 *
 * @param downgrade served by a weaker model than the baseline's, per the providers' ledgers
 * @param degraded  an answer cut short or corrupted
 * @param other     any loss with no cause above, and any gain (a negative part)
 */
public record Attribution(double error, double timeout, double downgrade, double degraded, double other) {

    public static final Attribution NONE = new Attribution(0, 0, 0, 0, 0);

    public double total() {
        return error + timeout + downgrade + degraded + other;
    }
}
