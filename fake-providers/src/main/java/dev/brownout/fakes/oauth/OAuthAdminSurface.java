package dev.brownout.fakes.oauth;

import dev.brownout.fakes.admin.AdminSurface;
import dev.brownout.fakes.admin.BehaviourStore;
import dev.brownout.fakes.ledger.Ledger;
import dev.brownout.fakes.ledger.LedgerPage;

/** The OAuth server as the shared admin API sees it: kind {@code oauth}. */
final class OAuthAdminSurface implements AdminSurface {

    private final String name;
    private final BehaviourStore<OAuthBehaviour> behaviour;
    private final Ledger<OAuthLedgerEntry> ledger;
    private final OAuthMetrics metrics;

    OAuthAdminSurface(String name, BehaviourStore<OAuthBehaviour> behaviour, Ledger<OAuthLedgerEntry> ledger,
                      OAuthMetrics metrics) {
        this.name = name;
        this.behaviour = behaviour;
        this.ledger = ledger;
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "oauth";
    }

    @Override
    public Object behaviour() {
        return behaviour.current();
    }

    @Override
    public Object replaceBehaviour(byte[] json) {
        return behaviour.replace(json);
    }

    @Override
    public LedgerPage<?> ledger(long since, int limit) {
        return ledger.since(since, limit);
    }

    @Override
    public String scrapeMetrics() {
        return metrics.scrape();
    }
}
