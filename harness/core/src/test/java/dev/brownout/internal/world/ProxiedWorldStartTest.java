package dev.brownout.internal.world;

import dev.brownout.fakes.FakeProvider;
import dev.brownout.scenario.ScenarioLibrary;
import dev.brownout.world.ProviderEndpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every shipped scenario's world starts with each fake behind its own proxy, and only proxies are handed out. */
class ProxiedWorldStartTest {

    static Stream<String> shippedScenarios() {
        return ScenarioLibrary.names().stream();
    }

    @ParameterizedTest
    @MethodSource("shippedScenarios")
    void everyProviderAnswersItsOfficialSdkThroughItsProxy(String scenario) throws Exception {
        try (ProxiedWorld world = TestWorlds.start(scenario)) {
            for (ProviderEndpoint provider : world.endpoints().providers()) {
                String credential = TestWorlds.credentialFor(provider, world.endpoints());
                assertThat(TestWorlds.ask(provider, credential))
                        .as("model answering %s's SDK call at %s in %s", provider.name(), provider.baseUrl(), scenario)
                        .isEqualTo(provider.models().getFirst());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("shippedScenarios")
    void noDirectPortIsEverHandedOut(String scenario) {
        try (ProxiedWorld world = TestWorlds.start(scenario)) {
            List<Integer> directPorts = new ArrayList<>(world.fakes().providers().stream().map(FakeProvider::port).toList());
            world.fakes().oauth().ifPresent(oauth -> directPorts.add(oauth.port()));
            List<String> handedOut = new ArrayList<>(world.environment().values());
            world.endpoints().providers().forEach(p -> handedOut.add(p.baseUrl()));
            world.endpoints().oauth().ifPresent(o -> handedOut.addAll(
                    List.of(o.issuer(), o.tokenUrl(), o.jwksUrl(), o.discoveryUrl())));
            for (int port : directPorts) {
                assertThat(handedOut).as("what %s hands out, against direct port %d", scenario, port)
                        .noneMatch(value -> value.contains(":" + port + "/") || value.endsWith(":" + port));
            }
        }
    }
}
