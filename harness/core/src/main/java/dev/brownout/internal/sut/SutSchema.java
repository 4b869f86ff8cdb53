package dev.brownout.internal.sut;

import dev.brownout.internal.checkedfile.YamlFileSchema;

/** The published JSON Schema of SUT files, shipped on the classpath beside the scenario schema. */
final class SutSchema {

    static final String RESOURCE = "/dev/brownout/scenarios/schema/sut.schema.json";

    private static final YamlFileSchema SCHEMA = YamlFileSchema.onClasspath(RESOURCE, "SUT",
            "a SUT file is a YAML mapping with at least name and adapter", SutSpecException::new);

    private SutSchema() {
    }

    static YamlFileSchema get() {
        return SCHEMA;
    }
}
