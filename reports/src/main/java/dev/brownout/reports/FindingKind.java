package dev.brownout.reports;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The security findings a run can have. */
public enum FindingKind {
    /** a credential of one provider (or of the OAuth server) presented to another */
    CREDENTIAL_LEAK,
    /** a request a provider accepted with an expired, revoked or foreign credential; there must be none */
    ACCEPTED_BAD_CREDENTIAL,
    /** a secret of the world found in a file the run wrote */
    SECRET_IN_FILE;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static FindingKind fromLabel(String label) {
        for (FindingKind kind : values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown finding kind '" + label
                + "'; known: credential_leak, accepted_bad_credential, secret_in_file");
    }
}
