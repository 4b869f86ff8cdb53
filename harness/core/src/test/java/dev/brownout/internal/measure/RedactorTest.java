package dev.brownout.internal.measure;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.brownout.internal.measure.SecurityFindingsTest.BACKUP_KEY;
import static dev.brownout.internal.measure.SecurityFindingsTest.CLIENT_SECRET;
import static dev.brownout.internal.measure.SecurityFindingsTest.PRIMARY_KEY;
import static dev.brownout.internal.measure.SecurityFindingsTest.WORLD;
import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {

    private final Redactor redactor = new Redactor(WorldSecrets.of(WORLD));

    @Test
    void everySecretInATextIsReplacedByItsOwner() {
        String answer = "Use " + PRIMARY_KEY + " or " + BACKUP_KEY + "; the client secret is " + CLIENT_SECRET
                + " (again: " + PRIMARY_KEY + ")";

        assertThat(redactor.redact(answer)).isEqualTo("Use [redacted:primary] or [redacted:backup]; the client secret"
                + " is [redacted:oauth] (again: [redacted:primary])");
    }

    @Test
    void aTextWithoutSecretsAndNullStayAsTheyAre() {
        assertThat(redactor.redact("What is 2 + 2?")).isEqualTo("What is 2 + 2?");
        assertThat(redactor.redact(null)).isNull();
    }

    @Test
    void aSecretContainingAnotherIsReplacedWhole() {
        Redactor nested = new Redactor(WorldSecrets.of(List.of(new WorldSecrets.Secret("abc123", "primary"),
                new WorldSecrets.Secret("abc123-long", "backup"))));

        assertThat(nested.redact("x abc123-long y abc123")).isEqualTo("x [redacted:backup] y [redacted:primary]");
    }
}
