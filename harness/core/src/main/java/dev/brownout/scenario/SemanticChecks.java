package dev.brownout.scenario;

import dev.brownout.fakes.AuthMode;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.ProviderMode;
import dev.brownout.fakes.behaviour.Fault;
import dev.brownout.fakes.behaviour.SubstituteFault;
import dev.brownout.fakes.catalog.ModelCatalog;
import dev.brownout.fakes.catalog.ModelProfile;
import dev.brownout.fakes.config.DurationText;
import dev.brownout.fakes.oauth.OAuthClientConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The meaning of a scenario that a schema cannot express: names that must exist or be unique, phase
 * offsets in order and inside the run, fault parameters that only make sense together.
 */
final class SemanticChecks {

    private final Problems problems;
    private final Path baseDirectory;

    /** @param baseDirectory where relative paths (catalog, task file) are resolved; null when unknown */
    SemanticChecks(Problems problems, Path baseDirectory) {
        this.problems = problems;
        this.baseDirectory = baseDirectory;
    }

    void check(Scenario scenario) {
        ModelCatalog catalog = catalog(scenario.world());
        providers(scenario.world(), catalog);
        oauth(scenario.world());
        workload(scenario.workload());
        timeline(scenario, catalog);
        checks(scenario.checks());
        aliveAfter(scenario.checks());
    }

    /** {@code needs} names only declared checks. */
    private void checks(Checks checks) {
        Set<CheckKind> declared = EnumSet.noneOf(CheckKind.class);
        Stream.of(checks.required(), checks.advisory(), checks.informational()).flatMap(List::stream)
                .forEach(check -> declared.add(check.kind()));
        for (SutCapability capability : SutCapability.values()) {
            for (CheckKind kind : CheckKind.values()) {
                if (checks.capabilitiesFor(kind).contains(capability) && !declared.contains(kind)) {
                    problems.atValue("checks.needs." + capability.label(), "check " + kind.label() + " is not declared"
                            + " under required, advisory or informational; needs only says which declared checks need "
                            + capability.label());
                }
            }
        }
    }

    private ModelCatalog catalog(ScenarioWorld world) {
        ModelCatalog catalog = ModelCatalog.defaults();
        if (world.catalog() == null) {
            return catalog;
        }
        if (baseDirectory == null) {
            return null;
        }
        Path file = baseDirectory.resolve(world.catalog());
        if (!Files.isRegularFile(file)) {
            problems.atValue("world.catalog", "no catalog file at " + file + "; give a path relative to the scenario file");
            return null;
        }
        try {
            return catalog.with(ModelCatalog.load(file));
        } catch (IllegalArgumentException e) {
            problems.atValue("world.catalog", e.getMessage());
            return null;
        }
    }

    private void providers(ScenarioWorld world, ModelCatalog catalog) {
        Map<String, Integer> seen = new HashMap<>();
        List<ProviderConfig> providers = world.providers();
        for (int i = 0; i < providers.size(); i++) {
            ProviderConfig provider = providers.get(i);
            String path = "world.providers[" + i + "]";
            Integer first = seen.putIfAbsent(provider.name(), i);
            if (first != null) {
                problems.atValue(path + ".name", "provider name '" + provider.name() + "' is already used by world.providers["
                        + first + "]; every provider needs its own name");
            }
            if (provider.name().equals(TargetFaults.OAUTH)) {
                problems.atValue(path + ".name", "'oauth' is reserved for the OAuth server as a fault target; "
                        + "name the provider something else, e.g. primary");
            }
            if (provider.auth() == AuthMode.OAUTH && world.oauth() == null) {
                problems.atValue(path + ".auth", "provider '" + provider.name() + "' uses auth: oauth but the world has "
                        + "no OAuth server; add world.oauth (e.g. oauth: { token_ttl: 60s }) or use auth: api-key");
            }
            if (provider.mode() == ProviderMode.REPLAY && baseDirectory != null
                    && !Files.isRegularFile(baseDirectory.resolve(provider.cassette()))) {
                problems.atValue(path + ".cassette", "no cassette file at " + baseDirectory.resolve(provider.cassette())
                        + "; record one with mode: upstream, and give a path relative to the scenario file");
            }
            if (catalog != null) {
                for (int m = 0; m < provider.models().size(); m++) {
                    String model = provider.models().get(m);
                    if (catalog.find(model).isEmpty()) {
                        problems.atValue(path + ".models[" + m + "]", unknownModel(model, catalog));
                    }
                }
            }
        }
    }

    private void oauth(ScenarioWorld world) {
        if (world.oauth() == null) {
            return;
        }
        List<String> names = world.providers().stream().map(ProviderConfig::name).toList();
        List<OAuthClientConfig> clients = world.oauth().clients();
        for (int c = 0; c < clients.size(); c++) {
            List<String> audiences = clients.get(c).audiences() == null ? List.of() : clients.get(c).audiences();
            for (int a = 0; a < audiences.size(); a++) {
                String audience = audiences.get(a);
                if (!names.contains(audience)) {
                    problems.atValue("world.oauth.clients[" + c + "].audiences[" + a + "]", "no provider is named '"
                            + audience + "'; audiences name providers of the world: " + String.join(", ", names));
                }
            }
        }
    }

    private void workload(Workload workload) {
        if ((workload.rate() == null) == (workload.concurrency() == null)) {
            problems.atValue("workload", workload.rate() == null
                    ? "give the load as either rate (open model, e.g. rate: 20/s) or concurrency (closed model, e.g. concurrency: 8)"
                    : "give either rate or concurrency, not both: rate is the open model, concurrency the closed one");
        }
        if (workload.duration().isZero()) {
            problems.atValue("workload.duration", "the run must last longer than 0s, e.g. duration: 4m");
        }
        if (workload.timeout().isZero()) {
            problems.atValue("workload.timeout", "a task timeout must be longer than 0s, e.g. timeout: 30s");
        }
        if (workload.pace() != null) {
            pace(workload);
        }
        if (workload.ramp().compareTo(workload.duration()) > 0) {
            problems.atValue("workload.ramp", "the ramp (" + DurationText.format(workload.ramp())
                    + ") is longer than the run (" + DurationText.format(workload.duration()) + "); make it at most the duration");
        }
        if (!workload.canary() && baseDirectory != null && !Files.isRegularFile(baseDirectory.resolve(workload.tasks()))) {
            problems.atValue("workload.tasks", "no task file at " + baseDirectory.resolve(workload.tasks())
                    + "; give a path relative to the scenario file, or a canary suite such as canary-arithmetic");
        }
    }

    private void pace(Workload workload) {
        if (workload.concurrency() == null) {
            problems.atKey("workload.pace", "pace spaces the tasks of each agent of the closed model; use it with "
                    + "concurrency (e.g. concurrency: 1, pace: 4s), not with rate, whose arrivals are already spaced");
        } else if (workload.pace().isZero()) {
            problems.atValue("workload.pace", "a pace must be longer than 0s, e.g. pace: 4s; leave it out for agents "
                    + "that send their next task as soon as the last one ends");
        }
    }

    private void aliveAfter(Checks checks) {
        for (Check check : checks.required()) {
            aliveAfter(check, "checks.required.alive_after");
        }
        for (Check check : checks.advisory()) {
            aliveAfter(check, "checks.advisory.alive_after");
        }
        for (Check check : checks.informational()) {
            aliveAfter(check, "checks.informational.alive_after");
        }
    }

    private void aliveAfter(Check check, String path) {
        if (check.kind() == CheckKind.ALIVE_AFTER && ((Duration) check.setting()).isZero()) {
            problems.atValue(path, "the probe after the run needs more than 0s to be answered, e.g. alive_after: 10s");
        }
    }

    private void timeline(Scenario scenario, ModelCatalog catalog) {
        Duration duration = scenario.duration();
        Map<String, Integer> names = new HashMap<>();
        List<Phase> timeline = scenario.timeline();
        for (int i = 0; i < timeline.size(); i++) {
            Phase phase = timeline.get(i);
            String path = "timeline[" + i + "]";
            if (i > 0 && phase.at().compareTo(timeline.get(i - 1).at()) <= 0) {
                problems.atValue(path + ".at", "offset " + DurationText.format(phase.at()) + " is not after the previous "
                        + "phase's offset " + DurationText.format(timeline.get(i - 1).at())
                        + "; phases must be listed in increasing order of 'at'");
            }
            if (phase.at().compareTo(duration) >= 0) {
                problems.atValue(path + ".at", "offset " + DurationText.format(phase.at()) + " is not inside the run, "
                        + "which lasts " + DurationText.format(duration) + " (workload.duration); a phase must start before "
                        + DurationText.format(duration));
            }
            Integer first = names.putIfAbsent(phase.name(), i);
            if (first != null) {
                problems.atValue(path + ".phase", "phase name '" + phase.name() + "' is already used by timeline["
                        + first + "]; every phase needs its own name");
            }
            if (phase.expect() == ExpectedOutcome.ERROR && phase.faults().isEmpty()) {
                problems.atValue(path + ".expect", "phase '" + phase.name() + "' has no faults, so a healthy SUT answers"
                        + " its tasks; only a phase with faults can expect an error");
            }
            Map<String, Integer> targets = new HashMap<>();
            for (int f = 0; f < phase.faults().size(); f++) {
                TargetFaults faults = phase.faults().get(f);
                String faultPath = path + ".faults[" + f + "]";
                Integer earlier = targets.putIfAbsent(faults.target(), f);
                if (earlier != null) {
                    problems.atValue(faultPath + ".target", "target '" + faults.target() + "' already has faults in this phase ("
                            + path + ".faults[" + earlier + "]); put all its faults in one entry");
                }
                targetFaults(scenario.world(), faults, faultPath, catalog);
            }
        }
    }

    private void targetFaults(ScenarioWorld world, TargetFaults faults, String path, ModelCatalog catalog) {
        List<String> targets = new ArrayList<>(world.providers().stream().map(ProviderConfig::name).toList());
        if (world.oauth() != null) {
            targets.add(TargetFaults.OAUTH);
        }
        if (!targets.contains(faults.target())) {
            String hint = faults.targetsOAuth() ? "the world has no OAuth server (add world.oauth); " : "";
            problems.atValue(path + ".target", "unknown target '" + faults.target() + "'; " + hint
                    + "targets are the world's providers" + (world.oauth() != null ? " and oauth" : "") + ": "
                    + String.join(", ", targets));
            return;
        }
        if (faults.network() != null) {
            network(faults.network(), path + ".network");
        }
        if (faults.providerBehaviour() != null && catalog != null) {
            ProviderConfig provider = world.provider(faults.target()).orElseThrow();
            List<Fault> list = faults.providerBehaviour().faults();
            for (int i = 0; i < list.size(); i++) {
                Fault fault = list.get(i);
                String faultPath = path + ".http.faults[" + i + "]";
                for (int m = 0; m < fault.models().size(); m++) {
                    String model = fault.models().get(m);
                    boolean served = provider.models().isEmpty() ? catalog.find(model).isPresent()
                            : provider.models().contains(model);
                    if (!served) {
                        problems.atValue(faultPath + ".models[" + m + "]", "provider '" + provider.name()
                                + "' does not serve model '" + model + "'; it serves " + served(provider, catalog));
                    }
                }
                if (fault instanceof SubstituteFault substitute && catalog.find(substitute.serveModel()).isEmpty()) {
                    problems.atValue(faultPath + ".serve_model", unknownModel(substitute.serveModel(), catalog));
                }
            }
        }
    }

    private void network(NetworkFaults network, String path) {
        if (network.down() && !network.toxics().isEmpty()) {
            problems.atKey(path + ".toxics", "a proxy that is down (down: true) passes no traffic, so its toxics "
                    + "would never act; remove them or the down flag");
        }
        if (!network.down() && network.toxics().isEmpty()) {
            problems.atValue(path, "network faults need down: true or at least one toxic under toxics");
        }
        for (int i = 0; i < network.toxics().size(); i++) {
            Toxic toxic = network.toxics().get(i);
            if (toxic.kind() == ToxicKind.SLICER && toxic.attribute("size_variation") > toxic.attribute("average_size")) {
                problems.atValue(path + ".toxics[" + i + "].size_variation", "size_variation "
                        + toxic.attribute("size_variation") + " is larger than average_size " + toxic.attribute("average_size")
                        + "; it must be between 0 and average_size");
            }
        }
    }

    private static String served(ProviderConfig provider, ModelCatalog catalog) {
        return provider.models().isEmpty()
                ? "every catalog model: " + catalogIds(catalog)
                : String.join(", ", provider.models());
    }

    private static String unknownModel(String model, ModelCatalog catalog) {
        return "unknown model '" + model + "'; the catalog has " + catalogIds(catalog);
    }

    private static String catalogIds(ModelCatalog catalog) {
        return String.join(", ", catalog.models().stream().map(ModelProfile::id).toList());
    }
}
