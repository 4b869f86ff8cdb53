package dev.brownout.reports;

/**
 * A security finding.
 *
 * @param where  the provider that saw it, or the file it was found in
 * @param detail what happened, without the secret itself
 */
public record Finding(FindingKind kind, String where, String detail, long count) {
}
