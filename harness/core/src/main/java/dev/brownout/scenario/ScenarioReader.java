package dev.brownout.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.behaviour.ProviderBehaviour;
import dev.brownout.fakes.config.DurationText;
import dev.brownout.fakes.config.JsonProblem;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.fakes.oauth.OAuthBehaviour;
import dev.brownout.fakes.oauth.OAuthConfig;
import dev.brownout.reports.gate.Gate;
import dev.brownout.reports.gate.GateMetric;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a schema-valid scenario tree into the model. Where the fakes' own classes refuse a value
 * (a provider, a behaviour), or a gate's condition does not fit its metric, the problem is recorded at
 * that field and reading goes on, so one pass reports everything.
 */
final class ScenarioReader {

    private final Problems problems;

    ScenarioReader(Problems problems) {
        this.problems = problems;
    }

    /** The scenario, or null when a problem was recorded. */
    Scenario read(JsonNode root) {
        ScenarioWorld world = world(root.path("world"));
        Workload workload = workload(root.path("workload"));
        List<Phase> timeline = new ArrayList<>();
        JsonNode phases = root.path("timeline");
        for (int i = 0; i < phases.size(); i++) {
            timeline.add(phase(phases.get(i), "timeline[" + i + "]"));
        }
        List<Gate> gates = gates(root.path("gates"));
        Checks checks = new Checks(checks(root.path("checks").path("required")),
                checks(root.path("checks").path("advisory")), checks(root.path("checks").path("informational")),
                needs(root.path("checks").path("needs")));
        if (problems.any()) {
            return null;
        }
        long seed = root.has("seed") ? root.get("seed").asLong() : Scenario.DEFAULT_SEED;
        VerdictSettings verdict = root.path("verdict").has("availability_margin")
                ? new VerdictSettings(root.path("verdict").get("availability_margin").asDouble()) : VerdictSettings.DEFAULT;
        return new Scenario(root.path("name").asText(), root.path("description").asText(), seed, world, workload,
                timeline, gates, checks, 1.0, 1.0, verdict);
    }

    private ScenarioWorld world(JsonNode world) {
        List<ProviderConfig> providers = new ArrayList<>();
        JsonNode list = world.path("providers");
        for (int i = 0; i < list.size(); i++) {
            ProviderConfig provider = bind(list.get(i), ProviderConfig.class, "world.providers[" + i + "]");
            if (provider != null) {
                providers.add(provider);
            }
        }
        OAuthConfig oauth = world.has("oauth") ? bind(world.get("oauth"), OAuthConfig.class, "world.oauth") : null;
        return new ScenarioWorld(text(world, "host"), text(world, "catalog"), oauth, providers);
    }

    private Workload workload(JsonNode workload) {
        Rate rate = null;
        if (workload.has("rate")) {
            try {
                rate = Rate.parse(workload.get("rate").asText());
            } catch (IllegalArgumentException e) {
                problems.atValue("workload.rate", e.getMessage());
            }
        }
        Integer concurrency = workload.has("concurrency") ? workload.get("concurrency").asInt() : null;
        return new Workload(workload.path("tasks").asText(),
                workload.path("difficulty").asInt(Workload.DEFAULT_DIFFICULTY), rate, concurrency,
                duration(workload.get("ramp")), duration(workload.get("duration")),
                workload.path("stream").asBoolean(false), duration(workload.get("timeout")), duration(workload.get("pace")));
    }

    private Phase phase(JsonNode phase, String path) {
        List<TargetFaults> faults = new ArrayList<>();
        JsonNode list = phase.path("faults");
        for (int i = 0; i < list.size(); i++) {
            faults.add(targetFaults(list.get(i), path + ".faults[" + i + "]"));
        }
        ExpectedOutcome expect = phase.has("expect")
                ? ExpectedOutcome.fromLabel(phase.get("expect").asText()).orElseThrow() : ExpectedOutcome.ANSWER;
        return new Phase(duration(phase.get("at")), phase.path("phase").asText(), faults, expect);
    }

    private TargetFaults targetFaults(JsonNode node, String path) {
        String target = node.path("target").asText();
        NetworkFaults network = node.has("network") ? network(node.get("network")) : null;
        ProviderBehaviour behaviour = null;
        OAuthBehaviour oauthBehaviour = null;
        if (node.get("http") instanceof ObjectNode http) {
            if (TargetFaults.OAUTH.equals(target)) {
                oauthBehaviour = bind(http, OAuthBehaviour.class, path + ".http");
                if (oauthBehaviour != null) {
                    try {
                        OAuthBehaviour.validate(oauthBehaviour);
                    } catch (IllegalArgumentException e) {
                        problems.atValue(path + ".http", e.getMessage());
                    }
                }
            } else {
                behaviour = bind(http, ProviderBehaviour.class, path + ".http");
            }
        }
        return new TargetFaults(target, network, behaviour, oauthBehaviour);
    }

    private NetworkFaults network(JsonNode network) {
        List<Toxic> toxics = new ArrayList<>();
        for (JsonNode toxic : network.path("toxics")) {
            toxics.add(toxic(toxic));
        }
        return new NetworkFaults(network.path("down").asBoolean(false), toxics);
    }

    private static Toxic toxic(JsonNode node) {
        ToxicKind kind = ToxicKind.fromLabel(node.path("type").asText()).orElseThrow();
        Map<String, Long> attributes = new LinkedHashMap<>();
        for (ToxicKind.Attribute attribute : kind.attributes()) {
            JsonNode value = node.get(attribute.name());
            if (value != null) {
                attributes.put(attribute.name(), switch (attribute.unit()) {
                    case MILLIS -> DurationText.parse(value.asText()).toMillis();
                    case MICROS -> DurationText.parse(value.asText()).toNanos() / 1_000;
                    case KILOBYTES_PER_SECOND, BYTES -> value.asLong();
                });
            }
        }
        ToxicStream stream = "upstream".equals(node.path("stream").asText()) ? ToxicStream.UPSTREAM : ToxicStream.DOWNSTREAM;
        return new Toxic(kind, stream, node.path("toxicity").asDouble(1.0), attributes);
    }

    private List<Gate> gates(JsonNode gates) {
        List<Gate> parsed = new ArrayList<>();
        gates.fields().forEachRemaining(entry -> {
            String field = "gates." + entry.getKey();
            try {
                parsed.add(Gate.parse(entry.getKey(), entry.getValue().asText()));
            } catch (IllegalArgumentException e) {
                // an unknown metric is the key's fault, anything else the condition's
                if (GateMetric.fromLabel(entry.getKey()).isEmpty()) {
                    problems.atKey(field, e.getMessage());
                } else {
                    problems.atValue(field, e.getMessage());
                }
            }
        });
        return parsed;
    }

    private static List<Check> checks(JsonNode set) {
        List<Check> checks = new ArrayList<>();
        set.fields().forEachRemaining(entry -> {
            CheckKind kind = CheckKind.fromLabel(entry.getKey()).orElseThrow();
            JsonNode value = entry.getValue();
            checks.add(new Check(kind, switch (kind.setting()) {
                case FLAG -> value.asBoolean();
                case WHOLE_NUMBER -> value.asLong();
                case NUMBER -> value.asDouble();
                case DURATION -> DurationText.parse(value.asText());
            }));
        });
        return checks;
    }

    /** {@code needs}, capability to the checks that need it, turned round: each check to its capabilities. */
    private Map<CheckKind, Set<SutCapability>> needs(JsonNode needs) {
        Map<CheckKind, Set<SutCapability>> byCheck = new EnumMap<>(CheckKind.class);
        needs.fields().forEachRemaining(entry -> {
            SutCapability capability = SutCapability.fromLabel(entry.getKey()).orElseThrow();
            JsonNode names = entry.getValue();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i).asText();
                Optional<CheckKind> kind = CheckKind.fromLabel(name);
                if (kind.isEmpty()) {
                    problems.atValue("checks.needs." + entry.getKey() + "[" + i + "]", "'" + name + "' is not a check; "
                            + "checks are " + String.join(", ", Arrays.stream(CheckKind.values()).map(CheckKind::label).toList()));
                } else {
                    byCheck.computeIfAbsent(kind.get(), k -> EnumSet.noneOf(SutCapability.class)).add(capability);
                }
            }
        });
        return byCheck;
    }

    private <T> T bind(JsonNode node, Class<T> type, String path) {
        try {
            return Mappers.yaml().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            JsonProblem problem = JsonProblem.of(e);
            String field = problem.field().isEmpty() ? path
                    : problem.field().startsWith("[") ? path + problem.field() : path + "." + problem.field();
            problems.atValue(field, problem.message());
            return null;
        } catch (IllegalArgumentException e) {
            problems.atValue(path, e.getMessage());
            return null;
        }
    }

    private static Duration duration(JsonNode node) {
        return node == null || node.isNull() ? null : DurationText.parse(node.asText());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
