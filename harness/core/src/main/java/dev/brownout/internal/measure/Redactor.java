package dev.brownout.internal.measure;

/** Replaces every world secret in a text with {@code [redacted:<owner>]}, for prompts and answers kept in reports. */
public final class Redactor {

    private final WorldSecrets secrets;

    public Redactor(WorldSecrets secrets) {
        this.secrets = secrets;
    }

    /** The text with every secret replaced; null stays null. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String redacted = text;
        for (WorldSecrets.Secret secret : secrets.all()) {
            if (redacted.contains(secret.value())) {
                redacted = redacted.replace(secret.value(), "[redacted:" + secret.owner() + "]");
            }
        }
        return redacted;
    }
}
