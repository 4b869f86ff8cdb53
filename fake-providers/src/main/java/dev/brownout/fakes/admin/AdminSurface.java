package dev.brownout.fakes.admin;

import dev.brownout.fakes.ledger.LedgerPage;

/** What a fake (provider or OAuth server) exposes under {@link AdminApi#PREFIX}. */
public interface AdminSurface {

    /** The fake's name in its world, e.g. {@code primary}. */
    String name();

    /** {@code provider} or {@code oauth}. */
    String kind();

    /** The current behaviour, serialised as the admin API's GET returns it. */
    Object behaviour();

    /** Installs a behaviour from a JSON document; throws {@link InvalidBehaviourException} when it is not valid. */
    Object replaceBehaviour(byte[] json);

    /** Ledger entries after a cursor. */
    LedgerPage<?> ledger(long since, int limit);

    /** Metrics in the Prometheus text format. */
    String scrapeMetrics();
}
