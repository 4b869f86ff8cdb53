package dev.brownout;

import dev.brownout.fakes.FakeProvider;
import dev.brownout.internal.world.ProxiedWorld;
import dev.brownout.scenario.Phase;
import dev.brownout.scenario.TargetFaults;
import dev.brownout.world.WorldEndpoints;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A scenario's fake world — its providers and OAuth server, each behind its own fault proxy — for a test that
 * drives its own code against it: read the endpoints, {@link #enter(String) enter} a phase or set faults by
 * hand, read what each provider saw, {@link #reset()} between tests. Closing it clears every fault and
 * closes every port. Made by {@link Brownout#world(String)}.
 */
public final class BrownoutWorld implements AutoCloseable {

    private final String name;
    private final List<Phase> timeline;
    private final ProxiedWorld world;
    private final Map<String, TargetFaults> current = new LinkedHashMap<>();
    private final Map<String, WorldProvider> providers = new LinkedHashMap<>();
    private final WorldOAuth oauth;
    private boolean closed;

    BrownoutWorld(String name, List<Phase> timeline, ProxiedWorld world) {
        this.name = name;
        this.timeline = List.copyOf(timeline);
        this.world = world;
        for (FakeProvider provider : world.fakes().providers()) {
            providers.put(provider.name(), new WorldProvider(this, provider, world.endpoints().provider(provider.name())));
        }
        this.oauth = world.endpoints().oauth().map(endpoint -> new WorldOAuth(this, endpoint,
                world.fakes().oauth().orElseThrow())).orElse(null);
    }

    /** The name of the scenario this world belongs to, or {@code world} for a world started from a world file. */
    public String name() {
        return name;
    }

    /**
     * A provider by name, as the scenario's world names it.
     *
     * @throws IllegalArgumentException for a name this world has no provider of, naming the ones it has
     */
    public WorldProvider provider(String providerName) {
        requireOpen();
        WorldProvider provider = providers.get(providerName);
        if (provider == null) {
            throw new IllegalArgumentException("the world of " + name + " has no provider '"
                    + providerName + "'; it has " + String.join(", ", providers.keySet()));
        }
        return provider;
    }

    /** Every provider, in the scenario's order. */
    public List<WorldProvider> providers() {
        requireOpen();
        return List.copyOf(providers.values());
    }

    /**
     * The OAuth server.
     *
     * @throws IllegalStateException when the scenario's world has none
     */
    public WorldOAuth oauth() {
        requireOpen();
        if (oauth == null) {
            throw new IllegalStateException("the world of " + name + " has no OAuth server: "
                    + "its world file declares no oauth section and no provider with auth: oauth");
        }
        return oauth;
    }

    /** Every endpoint and credential, all on proxy addresses: what a system under test is given. */
    public WorldEndpoints endpoints() {
        requireOpen();
        return world.endpoints();
    }

    /**
     * The same as environment variables: {@code BROWNOUT_<PROVIDER>_BASE_URL}, {@code BROWNOUT_<PROVIDER>_API_KEY},
     * {@code BROWNOUT_OAUTH_TOKEN_URL}, {@code BROWNOUT_OAUTH_CLIENT_ID} and the like.
     */
    public Map<String, String> environment() {
        requireOpen();
        return world.environment();
    }

    /**
     * The world as one JSON object, {@code brownout fakes --json}'s line: the endpoints and environment the system
     * under test is given, and what {@code brownout run --world} needs to drive this world from elsewhere (each fake's
     * admin URL, the fault proxy's control URL and proxy names, the admin token), versioned by
     * {@code world_format}. It holds secrets: keep it where the credentials may be.
     */
    public Map<String, Object> description() {
        requireOpen();
        return world.describe();
    }

    /** The names of the scenario's phases, in timeline order. */
    public List<String> phases() {
        return timeline.stream().map(Phase::name).toList();
    }

    /**
     * Sets exactly the faults of the scenario's phase {@code phaseName} on every target, now: network faults on the
     * fault proxies, HTTP faults on the fakes; every target the phase does not name is made clean.
     *
     * @throws IllegalArgumentException for a phase the scenario does not have, naming the ones it has
     */
    public synchronized void enter(String phaseName) {
        requireOpen();
        Phase phase = timeline.stream().filter(p -> p.name().equals(phaseName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the world of " + name + " has no phase '"
                        + phaseName + "'" + (timeline.isEmpty() ? ": it was started without a scenario"
                        : "; its phases are " + String.join(", ", phases()))));
        world.phases().apply(phase);
        current.clear();
        phase.faults().forEach(faults -> current.put(faults.target(), faults));
    }

    /** Clears every fault (every proxy up and clean, every fake healthy) and starts every ledger afresh. */
    public synchronized void reset() {
        requireOpen();
        world.phases().clear();
        current.clear();
        providers.values().forEach(WorldProvider::moveLedgerCursor);
        if (oauth != null) {
            oauth.moveLedgerCursor();
        }
    }

    /** Whether {@link #close()} was called. */
    public synchronized boolean isClosed() {
        return closed;
    }

    /** Clears every fault, stops the fakes and the proxies, closes every port. Closing again does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        world.close();
    }

    /** Sets one target's faults, keeping the parts {@code change} leaves as they are. */
    synchronized void update(String target, UnaryOperator<TargetFaults> change) {
        requireOpen();
        TargetFaults before = Optional.ofNullable(current.get(target)).orElse(new TargetFaults(target, null, null, null));
        TargetFaults after = change.apply(before);
        world.phases().set(after);
        current.put(target, after);
    }

    synchronized void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the world of " + name + " is closed; "
                    + "start another with Brownout.world(...)");
        }
    }

    @Override
    public String toString() {
        return "world of " + name + (closed ? " (closed)" : "");
    }
}
