package dev.brownout;

import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.behaviour.ProviderBehaviour;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.scenario.NetworkFaults;
import dev.brownout.scenario.TargetFaults;
import dev.brownout.world.ProviderEndpoint;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One fake provider of a {@link BrownoutWorld}: where a client reaches it (always through its fault proxy),
 * faults set on it by hand, and the calls it saw since the world was last {@link BrownoutWorld#reset() reset}.
 */
public final class WorldProvider {

    private final BrownoutWorld world;
    private final FakeProvider fake;
    private final ProviderEndpoint endpoint;
    private long ledgerCursor;

    WorldProvider(BrownoutWorld world, FakeProvider fake, ProviderEndpoint endpoint) {
        this.world = world;
        this.fake = fake;
        this.endpoint = endpoint;
        moveLedgerCursor();
    }

    /** The provider's name in the world, e.g. {@code primary}. */
    public String name() {
        return endpoint.name();
    }

    /** {@code openai}, {@code anthropic} or {@code gemini}. */
    public String dialect() {
        return endpoint.dialect();
    }

    /** Exactly what the dialect's official SDK takes as its base URL, on the fault proxy's address. */
    public String baseUrl() {
        world.requireOpen();
        return endpoint.baseUrl();
    }

    /**
     * The provider's API key.
     *
     * @throws IllegalStateException when the provider takes OAuth tokens or no credential at all
     */
    public String apiKey() {
        world.requireOpen();
        if (endpoint.apiKey() == null) {
            throw new IllegalStateException("provider '" + name() + "' authenticates with " + endpoint.auth()
                    + ", not an API key" + ("oauth".equals(endpoint.auth()) ? ": get a token from world.oauth().tokenUrl()" : ""));
        }
        return endpoint.apiKey();
    }

    /** The model ids it serves. */
    public List<String> models() {
        return endpoint.models();
    }

    /** All of the above as one record. */
    public ProviderEndpoint endpoint() {
        return endpoint;
    }

    /**
     * Serves these HTTP faults from now on, replacing any HTTP faults set before (its rate limit and the
     * network state of its proxy stay as they are); no faults at all makes it healthy.
     */
    public void behaviour(ProviderFault... faults) {
        Objects.requireNonNull(faults, "faults");
        behaviour(new ProviderBehaviour(Arrays.stream(faults).map(ProviderFault::toFault).toList(), null));
    }

    /** Serves exactly {@code behaviour} from now on: its faults and its rate limit. */
    public void behaviour(ProviderBehaviour behaviour) {
        Objects.requireNonNull(behaviour, "a behaviour; ProviderBehaviour.healthy() for none");
        world.update(name(), faults -> new TargetFaults(name(), faults.network(), behaviour, null));
    }

    /** Sets the state of the fault proxy in front of it: {@link Faults#down()}, toxics, or {@link Faults#clean()}. */
    public void network(NetworkFaults network) {
        Objects.requireNonNull(network, "the proxy's state; Faults.clean() for none");
        world.update(name(), faults -> new TargetFaults(name(), network, faults.providerBehaviour(), null));
    }

    /** Every call this provider saw since the world started or was last reset, oldest first. */
    public List<ProviderCall> ledger() {
        world.requireOpen();
        long since;
        synchronized (this) {
            since = ledgerCursor;
        }
        return fake.ledger().all().stream().filter(call -> call.seq() > since).toList();
    }

    synchronized void moveLedgerCursor() {
        ledgerCursor = fake.ledger().lastSequence();
    }

    @Override
    public String toString() {
        return "provider " + name() + " (" + dialect() + ") at " + endpoint.baseUrl();
    }
}
