package dev.brownout.reports;

/** What produced the result. */
public record Versions(String brownout, String java, String os) {
}
