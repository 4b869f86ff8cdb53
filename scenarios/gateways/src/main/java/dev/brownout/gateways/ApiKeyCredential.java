package dev.brownout.gateways;

/** A fixed API key: refused once, refused always. */
record ApiKeyCredential(String key) implements Credential {

    @Override
    public String bearer() {
        return key;
    }

    @Override
    public boolean refused(String bearer) {
        return false;
    }

    @Override
    public String toString() {
        return "ApiKeyCredential[hidden]";
    }
}
