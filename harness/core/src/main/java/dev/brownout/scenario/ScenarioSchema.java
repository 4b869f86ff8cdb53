package dev.brownout.scenario;

import dev.brownout.internal.checkedfile.YamlFileSchema;

/** The published JSON Schema of scenario files, read from the classpath. */
final class ScenarioSchema {

    static final String RESOURCE = "/dev/brownout/scenarios/schema/scenario.schema.json";

    private static final YamlFileSchema SCHEMA = YamlFileSchema.onClasspath(RESOURCE, "scenario",
            "a scenario is a YAML mapping with name, description, world, workload and timeline", ScenarioException::new);

    private ScenarioSchema() {
    }

    static YamlFileSchema get() {
        return SCHEMA;
    }
}
