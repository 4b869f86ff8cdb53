package dev.brownout.internal.world;

import dev.brownout.fakes.behaviour.ProviderBehaviour;
import dev.brownout.fakes.oauth.OAuthBehaviour;
import dev.brownout.scenario.NetworkFaults;
import dev.brownout.scenario.Phase;
import dev.brownout.scenario.TargetFaults;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sets a phase's faults on every target of a world: network faults on the target's fault proxy, http
 * faults through the target's admin API. Every target the phase does not name is made clean, so entering
 * a phase sets exactly its state and nothing leaks from the phase before.
 */
public final class PhaseApplier {

    private static final NetworkFaults CLEAN = new NetworkFaults(false, List.of());

    private final List<Target> targets;
    private final JsonHttp http;
    private final Clock clock;
    private final List<PhaseApplied> history = new ArrayList<>();

    PhaseApplier(List<Target> targets, JsonHttp http, Clock clock) {
        this.targets = List.copyOf(targets);
        this.http = http;
        this.clock = clock;
    }

    /**
     * Sets exactly {@code phase}'s faults on every target, in world order, and records when each took effect.
     *
     * @throws IllegalArgumentException if the phase names a target this world does not have; nothing is changed
     */
    public synchronized PhaseApplied apply(Phase phase) {
        Set<String> known = targets.stream().map(Target::name).collect(Collectors.toSet());
        for (TargetFaults faults : phase.faults()) {
            if (!known.contains(faults.target())) {
                throw new IllegalArgumentException("phase '" + phase.name() + "' has faults on '" + faults.target()
                        + "', which this world does not have; it has " + known);
            }
        }
        Map<String, Instant> tookEffect = new LinkedHashMap<>();
        for (Target target : targets) {
            Optional<TargetFaults> faults = phase.faultsOn(target.name());
            NetworkFaults network = faults.map(TargetFaults::network).orElse(CLEAN);
            setNetwork(target, phase.name(), network);
            http.put(target.behaviourUrl(), target.oauth()
                    ? faults.map(TargetFaults::oauthBehaviour).orElse(OAuthBehaviour.healthy())
                    : faults.map(TargetFaults::providerBehaviour).orElse(ProviderBehaviour.healthy()));
            tookEffect.put(target.name(), clock.instant());
        }
        PhaseApplied applied = new PhaseApplied(phase.name(), tookEffect);
        history.add(applied);
        return applied;
    }

    /**
     * Sets exactly {@code faults} on its one target, leaving every other target as it is: for faults set by
     * hand, outside a scenario's phases. A part left null is made clean.
     *
     * @throws IllegalArgumentException if this world has no such target, naming the ones it has
     */
    public synchronized void set(TargetFaults faults) {
        Target target = targets.stream().filter(t -> t.name().equals(faults.target())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("this world has no target '" + faults.target()
                        + "'; it has " + targets.stream().map(Target::name).toList()));
        setNetwork(target, "manual", faults.network() == null ? CLEAN : faults.network());
        http.put(target.behaviourUrl(), target.oauth()
                ? Objects.requireNonNullElse(faults.oauthBehaviour(), OAuthBehaviour.healthy())
                : Objects.requireNonNullElse(faults.providerBehaviour(), ProviderBehaviour.healthy()));
    }

    /** Restores a clean world: no toxics, every proxy enabled, every behaviour healthy. */
    public synchronized void clear() {
        RuntimeException failure = null;
        for (Target target : targets) {
            try {
                setNetwork(target, "clear", CLEAN);
                http.put(target.behaviourUrl(), target.oauth() ? OAuthBehaviour.healthy() : ProviderBehaviour.healthy());
            } catch (RuntimeException e) {
                failure = Failures.add(failure, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Every phase applied so far, in order. */
    public synchronized List<PhaseApplied> history() {
        return List.copyOf(history);
    }

    private static void setNetwork(Target target, String phase, NetworkFaults network) {
        // disabling first and enabling last keeps a downed target from serving a connection without its toxics
        if (network.down()) {
            target.proxy().setEnabled(false);
        }
        target.proxy().setToxics(NamedToxic.forPhase(phase, network.toxics()));
        if (!network.down()) {
            target.proxy().setEnabled(true);
        }
    }
}
