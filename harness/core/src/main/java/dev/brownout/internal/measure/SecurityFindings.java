package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.reports.Finding;
import dev.brownout.reports.FindingKind;
import dev.brownout.reports.Security;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A run's security findings. From the ledgers: {@link FindingKind#CREDENTIAL_LEAK}, one finding per provider
 * that was shown credentials issued to another part of the world; {@link FindingKind#ACCEPTED_BAD_CREDENTIAL},
 * one per provider that answered 2xx to a call whose credential it recorded as foreign or refused (the fakes
 * refuse those, so any is a bug in a fake). From the run's files: {@link SecretScan}. No finding shows a secret.
 */
public final class SecurityFindings {

    private SecurityFindings() {
    }

    /**
     * @param calls     the run's provider calls
     * @param secrets   the world's secrets
     * @param runFolder the folder the run wrote, scanned recursively; null to skip the scan
     */
    public static Security find(List<ProviderCall> calls, WorldSecrets secrets, Path runFolder) {
        List<Finding> findings = new ArrayList<>(fromLedger(calls));
        if (runFolder != null) {
            findings.addAll(SecretScan.scan(secrets, runFolder));
        }
        return new Security(findings.size(), findings);
    }

    /** The findings the ledgers alone show: credential leaks and accepted bad credentials. */
    public static List<Finding> fromLedger(List<ProviderCall> calls) {
        List<Finding> findings = new ArrayList<>();
        perProvider(calls, ProviderCall::credentialLeak).forEach((provider, leaks) -> findings.add(
                new Finding(FindingKind.CREDENTIAL_LEAK, provider, CheckText.plural(leaks.size(), "call")
                        + " presented a credential issued to " + String.join(", ", owners(leaks)), leaks.size())));
        perProvider(calls, SecurityFindings::acceptedBadCredential).forEach((provider, accepted) -> findings.add(
                new Finding(FindingKind.ACCEPTED_BAD_CREDENTIAL, provider, CheckText.plural(accepted.size(), "call")
                        + " answered " + accepted.getFirst().status() + " although the credential was "
                        + reason(accepted.getFirst()), accepted.size())));
        return findings;
    }

    private static boolean acceptedBadCredential(ProviderCall call) {
        return call.status() >= 200 && call.status() < 300 && (call.credentialOwner() != null || call.authFailure() != null);
    }

    private static String reason(ProviderCall call) {
        return call.authFailure() != null ? "refused (" + call.authFailure() + ")" : "issued to " + call.credentialOwner();
    }

    private static Map<String, List<ProviderCall>> perProvider(List<ProviderCall> calls, Predicate<ProviderCall> which) {
        Map<String, List<ProviderCall>> byProvider = new TreeMap<>();
        calls.stream().filter(which).forEach(call -> byProvider.computeIfAbsent(call.provider(), p -> new ArrayList<>()).add(call));
        return byProvider;
    }

    private static TreeSet<String> owners(List<ProviderCall> calls) {
        TreeSet<String> owners = new TreeSet<>();
        calls.forEach(call -> owners.add(call.credentialOwner()));
        return owners;
    }
}
