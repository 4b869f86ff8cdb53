package dev.brownout.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.ProviderMode;
import dev.brownout.fakes.behaviour.ProviderBehaviour;
import dev.brownout.fakes.config.DurationText;
import dev.brownout.fakes.config.Mappers;

import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Writes a scenario back as YAML in the file format, so that reading it gives an equal scenario. */
final class ScenarioWriter {

    private ScenarioWriter() {
    }

    static String toYaml(Scenario scenario) {
        try {
            return Mappers.yaml().writeValueAsString(tree(scenario));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write scenario " + scenario.name() + ": " + e.getOriginalMessage());
        }
    }

    static ObjectNode tree(Scenario scenario) {
        ObjectNode root = Mappers.json().createObjectNode();
        root.put("name", scenario.name());
        root.put("description", scenario.description());
        root.put("seed", scenario.seed());
        root.set("world", world(scenario.world()));
        root.set("workload", workload(scenario.workload()));
        ArrayNode timeline = root.putArray("timeline");
        scenario.timeline().forEach(phase -> timeline.add(phase(phase)));
        if (!scenario.gates().isEmpty()) {
            ObjectNode gates = root.putObject("gates");
            scenario.gates().forEach(gate -> gates.put(gate.metric().label(), gate.written()));
        }
        Checks checks = scenario.checks();
        if (!checks.isEmpty()) {
            ObjectNode node = root.putObject("checks");
            if (!checks.required().isEmpty()) {
                node.set("required", checks(checks.required()));
            }
            if (!checks.advisory().isEmpty()) {
                node.set("advisory", checks(checks.advisory()));
            }
            if (!checks.informational().isEmpty()) {
                node.set("informational", checks(checks.informational()));
            }
            if (!checks.needs().isEmpty()) {
                node.set("needs", needs(checks));
            }
        }
        if (!scenario.verdict().equals(VerdictSettings.DEFAULT)) {
            root.putObject("verdict").put("availability_margin", scenario.verdict().availabilityMargin());
        }
        return root;
    }

    private static ObjectNode world(ScenarioWorld world) {
        ObjectNode node = Mappers.json().createObjectNode();
        if (world.host() != null) {
            node.put("host", world.host());
        }
        if (world.catalog() != null) {
            node.put("catalog", world.catalog());
        }
        if (world.oauth() != null) {
            node.set("oauth", withoutNulls(Mappers.json().valueToTree(world.oauth())));
        }
        ArrayNode providers = node.putArray("providers");
        for (ProviderConfig provider : world.providers()) {
            ObjectNode entry = withoutNulls(Mappers.json().valueToTree(provider));
            if (provider.behaviour().equals(ProviderBehaviour.healthy())) {
                entry.remove("behaviour");
            }
            if (provider.mode() == ProviderMode.SIMULATED) {
                entry.remove("mode");
            }
            providers.add(entry);
        }
        return node;
    }

    private static ObjectNode workload(Workload workload) {
        ObjectNode node = Mappers.json().createObjectNode();
        node.put("tasks", workload.tasks());
        node.put("difficulty", workload.difficulty());
        if (workload.rate() != null) {
            node.put("rate", workload.rate().toString());
        }
        if (workload.concurrency() != null) {
            node.put("concurrency", workload.concurrency());
        }
        if (workload.pace() != null) {
            node.put("pace", DurationText.format(workload.pace()));
        }
        if (!workload.ramp().isZero()) {
            node.put("ramp", DurationText.format(workload.ramp()));
        }
        node.put("duration", DurationText.format(workload.duration()));
        node.put("stream", workload.stream());
        node.put("timeout", DurationText.format(workload.timeout()));
        return node;
    }

    private static ObjectNode phase(Phase phase) {
        ObjectNode node = Mappers.json().createObjectNode();
        node.put("at", DurationText.format(phase.at()));
        node.put("phase", phase.name());
        if (phase.expect() != ExpectedOutcome.ANSWER) {
            node.put("expect", phase.expect().label());
        }
        if (!phase.faults().isEmpty()) {
            ArrayNode faults = node.putArray("faults");
            for (TargetFaults target : phase.faults()) {
                ObjectNode entry = faults.addObject();
                entry.put("target", target.target());
                if (target.network() != null) {
                    entry.set("network", network(target.network()));
                }
                if (target.providerBehaviour() != null) {
                    entry.set("http", withoutNulls(Mappers.json().valueToTree(target.providerBehaviour())));
                }
                if (target.oauthBehaviour() != null) {
                    entry.set("http", withoutNulls(Mappers.json().valueToTree(target.oauthBehaviour())));
                }
            }
        }
        return node;
    }

    private static ObjectNode network(NetworkFaults network) {
        ObjectNode node = Mappers.json().createObjectNode();
        if (network.down()) {
            node.put("down", true);
        }
        if (!network.toxics().isEmpty()) {
            ArrayNode toxics = node.putArray("toxics");
            for (Toxic toxic : network.toxics()) {
                ObjectNode entry = toxics.addObject();
                entry.put("type", toxic.kind().label());
                entry.put("stream", toxic.stream().label());
                entry.put("toxicity", toxic.toxicity());
                for (Map.Entry<String, Long> attribute : toxic.attributes().entrySet()) {
                    ToxicKind.Unit unit = toxic.kind().attributes().stream()
                            .filter(a -> a.name().equals(attribute.getKey())).findFirst().orElseThrow().unit();
                    switch (unit) {
                        case MILLIS -> entry.put(attribute.getKey(), DurationText.format(Duration.ofMillis(attribute.getValue())));
                        case MICROS -> entry.put(attribute.getKey(), DurationText.format(Duration.ofNanos(attribute.getValue() * 1_000)));
                        case KILOBYTES_PER_SECOND, BYTES -> entry.put(attribute.getKey(), attribute.getValue());
                    }
                }
            }
        }
        return node;
    }

    private static ObjectNode checks(List<Check> checks) {
        ObjectNode node = Mappers.json().createObjectNode();
        for (Check check : checks) {
            switch (check.setting()) {
                case Boolean flag -> node.put(check.kind().label(), flag);
                case Long whole -> node.put(check.kind().label(), whole);
                case Double number -> node.put(check.kind().label(), number);
                case Duration duration -> node.put(check.kind().label(), DurationText.format(duration));
                default -> throw new IllegalStateException("unexpected check setting " + check.setting());
            }
        }
        return node;
    }

    /** Capability to the checks that need it, as files write it, in a fixed order. */
    private static ObjectNode needs(Checks checks) {
        ObjectNode node = Mappers.json().createObjectNode();
        for (SutCapability capability : SutCapability.values()) {
            List<String> names = Arrays.stream(CheckKind.values())
                    .filter(kind -> checks.capabilitiesFor(kind).contains(capability)).map(CheckKind::label).toList();
            if (!names.isEmpty()) {
                ArrayNode list = node.putArray(capability.label());
                names.forEach(list::add);
            }
        }
        return node;
    }

    private static ObjectNode withoutNulls(JsonNode node) {
        ObjectNode object = (ObjectNode) node;
        strip(object);
        return object;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isNull()) {
                    fields.remove();
                } else {
                    strip(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(ScenarioWriter::strip);
        }
    }
}
