package dev.brownout.gatling;

import dev.brownout.BrownoutWorld;
import dev.brownout.WorldProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A world started from a world file alone, for a simulation that sends its own requests to the fakes. */
class WorldFileTest {

    @TempDir
    Path folder;

    @Test
    void aWorldFileStartsItsFakesOnLoopbackAndClosingFreesThem() throws Exception {
        Path file = Files.writeString(folder.resolve("world.yaml"), """
                seed: 3
                providers:
                  - { name: primary, dialect: openai, models: [mid], auth: api-key }
                """);
        HttpClient http = HttpClient.newHttpClient();

        String models;
        try (BrownoutWorld world = BrownoutGatling.world(file)) {
            WorldProvider primary = world.provider("primary");
            assertThat(URI.create(primary.baseUrl()).getHost()).as("the fake's address").isEqualTo("127.0.0.1");
            models = http.send(HttpRequest.newBuilder(URI.create(primary.baseUrl() + "/models"))
                    .header("Authorization", "Bearer " + primary.apiKey()).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }

        assertThat(models).as("the world file's provider answered with its model list").contains("\"mid\"");
    }

    @Test
    void aWorldFileWithAProblemIsRefusedNamingTheFileAndTheField() throws Exception {
        Path file = Files.writeString(folder.resolve("broken.yaml"), """
                providers:
                  - { name: primary, dialect: klingon }
                """);

        assertThatThrownBy(() -> BrownoutGatling.world(file)).as("a dialect no fake speaks")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no user is injected").hasMessageContaining("broken.yaml")
                .hasMessageContaining("klingon");
    }

    @Test
    void aMissingWorldFileIsRefusedNamingIt() {
        Path missing = folder.resolve("nowhere.yaml");

        assertThatThrownBy(() -> BrownoutGatling.world(missing)).as("a world file that is not there")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nowhere.yaml")
                .hasMessageContaining("cannot read the world file");
    }
}
