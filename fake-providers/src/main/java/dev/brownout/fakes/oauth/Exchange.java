package dev.brownout.fakes.oauth;

/** What one request amounted to, filled in as the endpoint learns it, and recorded once at the end. */
final class Exchange {

    private final String endpoint;
    private final String method;
    private final long startNanos = System.nanoTime();
    private String grant;
    private String clientId;
    private String outcome = "ok";
    private boolean injected;

    Exchange(String endpoint, String method) {
        this.endpoint = endpoint;
        this.method = method;
    }

    void grant(String value) {
        grant = value == null ? null : FormParameters.printable(value);
    }

    void client(String value) {
        clientId = value == null ? null : FormParameters.printable(value);
    }

    void outcome(String value, boolean byBehaviour) {
        outcome = value;
        injected = byBehaviour;
    }

    String endpoint() {
        return endpoint;
    }

    String method() {
        return method;
    }

    String grant() {
        return grant;
    }

    String clientId() {
        return clientId;
    }

    String outcome() {
        return outcome;
    }

    boolean injected() {
        return injected;
    }

    long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }
}
