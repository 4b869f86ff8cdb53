package dev.brownout.fakes.oauth;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The OAuth 2.0 grants this server can issue tokens for, named as they travel in {@code grant_type}. */
public enum GrantType {
    @JsonProperty("client_credentials") CLIENT_CREDENTIALS("client_credentials"),
    @JsonProperty("refresh_token") REFRESH_TOKEN("refresh_token"),
    @JsonProperty("authorization_code") AUTHORIZATION_CODE("authorization_code");

    private final String wireName;

    GrantType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    static GrantType fromWire(String name) {
        for (GrantType grant : values()) {
            if (grant.wireName.equals(name)) {
                return grant;
            }
        }
        return null;
    }
}
