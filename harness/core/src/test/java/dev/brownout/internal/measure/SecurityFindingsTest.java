package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.fakes.oauth.OAuthClient;
import dev.brownout.reports.Finding;
import dev.brownout.reports.FindingKind;
import dev.brownout.reports.Security;
import dev.brownout.world.OAuthEndpoint;
import dev.brownout.world.ProviderEndpoint;
import dev.brownout.world.WorldEndpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityFindingsTest {

    static final String PRIMARY_KEY = "sk-primary-5f1e0c9a7b";
    static final String BACKUP_KEY = "sk-ant-backup-93d2aa41";
    static final String CLIENT_SECRET = "cs-agent-0b7e55d1c2";
    static final String REFRESH_TOKEN = "rt-agent-6a6c9f0e11";

    static final WorldEndpoints WORLD = new WorldEndpoints(List.of(
            new ProviderEndpoint("primary", "openai", "api-key", "http://127.0.0.1:1/v1", PRIMARY_KEY, List.of("mid")),
            new ProviderEndpoint("backup", "anthropic", "api-key", "http://127.0.0.1:2", BACKUP_KEY, List.of("small")),
            new ProviderEndpoint("internal", "openai", "oauth", "http://127.0.0.1:3/v1", null, List.of("mid"))),
            Optional.of(new OAuthEndpoint("http://127.0.0.1:4", "http://127.0.0.1:4/token", "http://127.0.0.1:4/jwks",
                    "http://127.0.0.1:4/.well-known/openid-configuration",
                    List.of(new OAuthClient("agent", CLIENT_SECRET, REFRESH_TOKEN)))));

    private final LedgerFixtures ledger = new LedgerFixtures();

    @Test
    void aLeakedKeyIsOneFindingPerProviderWithTheCountAndWithoutTheKey() {
        List<ProviderCall> calls = List.of(
                ledger.call("t1").provider("backup").error(401).credential("primary", "foreign_credential").build(),
                ledger.call("t2").provider("backup").error(401).credential("primary", "foreign_credential").build(),
                ledger.call("t3").provider("backup").build());

        Security security = SecurityFindings.find(calls, WorldSecrets.of(WORLD), null);

        assertThat(security.count()).isEqualTo(1);
        Finding leak = security.findings().getFirst();
        assertThat(leak.kind()).isEqualTo(FindingKind.CREDENTIAL_LEAK);
        assertThat(leak.where()).isEqualTo("backup");
        assertThat(leak.count()).isEqualTo(2);
        assertThat(leak.detail()).contains("issued to primary").doesNotContain(PRIMARY_KEY);
    }

    @Test
    void aCallAcceptedDespiteARefusedOrForeignCredentialIsAFinding() {
        List<ProviderCall> calls = List.of(
                ledger.call("t1").credential(null, "expired").build(),
                ledger.call("t2").provider("backup").credential("primary", null).build(),
                ledger.call("t3").error(401).credential(null, "expired").build());

        List<Finding> findings = SecurityFindings.fromLedger(calls);

        // t2 is also a leak; t3 was refused as it must be
        assertThat(findings).extracting(Finding::kind, Finding::where, Finding::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple(FindingKind.CREDENTIAL_LEAK, "backup", 1L),
                org.assertj.core.groups.Tuple.tuple(FindingKind.ACCEPTED_BAD_CREDENTIAL, "backup", 1L),
                org.assertj.core.groups.Tuple.tuple(FindingKind.ACCEPTED_BAD_CREDENTIAL, "primary", 1L));
        assertThat(findings.get(2).detail()).contains("answered 200", "refused (expired)");
    }

    @Test
    void aCleanRunHasNoFindings(@TempDir Path run) throws IOException {
        Files.writeString(run.resolve("exchanges.jsonl"), "{\"prompt\":\"What is 2 + 2?\"}\n");

        Security security = SecurityFindings.find(List.of(ledger.call("t1").build()), WorldSecrets.of(WORLD), run);

        assertThat(security.count()).isZero();
        assertThat(security.findings()).isEmpty();
    }

    @Test
    void aKeyWrittenIntoAFileIsFoundAndTheFileNamedNotTheKey(@TempDir Path run) throws IOException {
        Files.createDirectories(run.resolve("sut"));
        Files.writeString(run.resolve("sut/gateway.log"), "calling with Authorization: Bearer " + PRIMARY_KEY
                + "\nagain " + PRIMARY_KEY + "\nrefresh=" + REFRESH_TOKEN + "\n");
        Files.writeString(run.resolve("summary.json"), "{}");

        Security security = SecurityFindings.find(List.of(), WorldSecrets.of(WORLD), run);

        assertThat(security.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.SECRET_IN_FILE);
            assertThat(finding.where()).isEqualTo("sut/gateway.log");
            assertThat(finding.count()).isEqualTo(3);
            assertThat(finding.detail()).contains("oauth (1)", "primary (2)")
                    .doesNotContain(PRIMARY_KEY, REFRESH_TOKEN);
        });
    }

    @Test
    void theWorldsSecretsAreTheKeysClientSecretsAndRefreshTokens() {
        assertThat(WorldSecrets.of(WORLD).all()).extracting(WorldSecrets.Secret::value, WorldSecrets.Secret::owner)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(PRIMARY_KEY, "primary"),
                        org.assertj.core.groups.Tuple.tuple(BACKUP_KEY, "backup"),
                        org.assertj.core.groups.Tuple.tuple(CLIENT_SECRET, "oauth"),
                        org.assertj.core.groups.Tuple.tuple(REFRESH_TOKEN, "oauth"));
        assertThat(WorldSecrets.of(WORLD).toString()).doesNotContain(PRIMARY_KEY);
    }
}
