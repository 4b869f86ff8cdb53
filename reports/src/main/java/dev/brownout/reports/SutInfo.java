package dev.brownout.reports;

/** The system under test: how the run named it and where it was reached (null for a command SUT). */
public record SutInfo(String name, String baseUrl) {
}
