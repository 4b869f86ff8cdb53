package dev.brownout.reports;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The object definitions and properties of the shipped schema, for tests that walk it. */
final class SchemaProperties {

    /** The definition name the schema's root (the run result itself) goes by here. */
    static final String ROOT = "RunResult";

    record Property(String path, JsonNode definition) {
    }

    private SchemaProperties() {
    }

    static JsonNode schema() {
        try {
            return RunResults.mapper().readTree(RunResultSchema.text());
        } catch (Exception e) {
            throw new AssertionError("the shipped schema is not JSON", e);
        }
    }

    /** Every object the schema defines, by name: the root as {@value #ROOT}, then each object of {@code $defs}. */
    static Map<String, JsonNode> objects() {
        JsonNode schema = schema();
        Map<String, JsonNode> objects = new LinkedHashMap<>();
        objects.put(ROOT, schema);
        schema.path("$defs").properties().forEach(entry -> {
            if ("object".equals(entry.getValue().path("type").asText())) {
                objects.put(entry.getKey(), entry.getValue());
            }
        });
        return objects;
    }

    /** Every property of every object, named {@code Definition.property}. */
    static List<Property> all() {
        List<Property> properties = new ArrayList<>();
        objects().forEach((name, object) -> object.path("properties").properties()
                .forEach(entry -> properties.add(new Property(name + "." + entry.getKey(), entry.getValue()))));
        return properties;
    }

    static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
