package dev.brownout.scenario;

/** A scenario that ships with Brownout: its name and the first sentence of its description. */
public record LibraryScenario(String name, String summary) {
}
