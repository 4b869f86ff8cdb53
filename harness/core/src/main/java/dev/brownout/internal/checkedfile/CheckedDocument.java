package dev.brownout.internal.checkedfile;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A YAML document that parsed and satisfied its format's schema: the tree for the format to read, and
 * what is needed to place the problems the format's own checks still find in it.
 */
public final class CheckedDocument {

    final YamlFileSchema format;
    final String origin;
    final YamlPositions positions;
    private final JsonNode tree;

    CheckedDocument(YamlFileSchema format, String origin, YamlPositions positions, JsonNode tree) {
        this.format = format;
        this.origin = origin;
        this.positions = positions;
        this.tree = tree;
    }

    /** The document as a tree; it satisfies the schema. */
    public JsonNode tree() {
        return tree;
    }
}
