package dev.brownout.junit;

/**
 * What a world declaration asks for: its scenario, how long each world lives, whether it is reset before each
 * test, and which fault proxy stands in front of its fakes.
 */
record WorldSettings(ScenarioChoice scenario, WorldLifecycle lifecycle, boolean resetBeforeEach, FaultProxy faultProxy) {

    static WorldSettings of(WithBrownoutWorld annotation) {
        return new WorldSettings(ScenarioChoice.named(annotation.scenario()), annotation.lifecycle(),
                annotation.resetBeforeEach(), annotation.faultProxy());
    }

    WorldSettings withLifecycle(WorldLifecycle chosen) {
        return new WorldSettings(scenario, chosen, resetBeforeEach, faultProxy);
    }
}
