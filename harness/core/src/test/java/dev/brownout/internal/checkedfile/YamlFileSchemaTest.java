package dev.brownout.internal.checkedfile;

import dev.brownout.input.FileProblem;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The shared pipeline on a small format of its own, so what it promises both file formats is pinned here. */
class YamlFileSchemaTest {

    /** Stands for a format's own exception type. */
    static final class PetFileException extends RuntimeException {
        final transient List<FileProblem> problems;

        PetFileException(List<FileProblem> problems) {
            this.problems = problems;
        }
    }

    private static final YamlFileSchema PETS = YamlFileSchema.onClasspath(
            "/dev/brownout/internal/checkedfile/pet.schema.json", "pet", "a pet file is a mapping", PetFileException::new);

    private static List<FileProblem> problems(String yaml) {
        return catchThrowableOfType(PetFileException.class, () -> PETS.check(yaml, "pet.yaml")).problems;
    }

    @Test
    void aValidDocumentIsHandedBackAsATree() {
        assertThat(PETS.check("name: tom\nkind: cat\n", "pet.yaml").tree().path("name").asText()).isEqualTo("tom");
    }

    @Test
    void schemaFindingsArePlacedAtTheirFieldsInLineOrder() {
        assertThat(problems("kind: cow\nname: ''\nsize: huge\ntoys: []\ncolour: red\n")).containsExactly(
                new FileProblem("pet.yaml", 1, 7, "kind", "must be one of cat, dog (got 'cow')"),
                new FileProblem("pet.yaml", 2, 7, "name", "must not be empty (got '')"),
                new FileProblem("pet.yaml", 3, 7, "size", "must be small or large (got 'huge')"),
                new FileProblem("pet.yaml", 4, 7, "toys", "must list at least one item"),
                new FileProblem("pet.yaml", 5, 1, "colour",
                        "unknown field 'colour'. Valid fields here: name, kind, size, toys"));
    }

    @Test
    void aMisspelledFieldGetsTheClosestValidName() {
        assertThat(problems("name: tom\nkind: cat\ntoyz: [ball]\n")).extracting(FileProblem::message)
                .containsExactly("unknown field 'toyz'; did you mean 'toys'? Valid fields here: name, kind, size, toys");
    }

    @Test
    void aKeyWrittenTwiceNamesItsFieldPath() {
        assertThat(problems("name: tom\nkind: cat\nname: jerry\n")).containsExactly(new FileProblem("pet.yaml", 3, 5,
                "name", "the key 'name' is written twice in this mapping; keep one of them"));
    }

    @Test
    void textThatIsNotYamlOrNotAMappingIsOneProblem() {
        assertThat(problems("name: [tom\n")).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("not valid YAML: while parsing a flow sequence; "));
        assertThat(problems("- tom\n")).extracting(FileProblem::message).containsExactly("a pet file is a mapping");
    }

    @Test
    void aFileThatCannotBeReadIsAProblemOfTheFormat() {
        Path missing = Path.of("no-such-pet.yaml");
        assertThat(catchThrowableOfType(PetFileException.class, () -> PETS.readText(missing)).problems)
                .extracting(FileProblem::message).singleElement().asString().startsWith("cannot read the pet file (");
    }
}
