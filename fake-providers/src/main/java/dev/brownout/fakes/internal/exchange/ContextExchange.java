package dev.brownout.fakes.internal.exchange;

import io.javalin.http.Context;

/** A Javalin request as an {@link Exchange}: the routes besides the completion endpoint, and the listener's refusals. */
public record ContextExchange(Context ctx) implements Exchange {

    @Override
    public String header(String name) {
        return ctx.header(name);
    }

    @Override
    public void header(String name, String value) {
        ctx.header(name, value);
    }

    @Override
    public String path() {
        return ctx.req().getRequestURI();
    }

    @Override
    public String query() {
        return ctx.queryString();
    }

    @Override
    public String responseHeader(String name) {
        return ctx.res().getHeader(name);
    }

    @Override
    public void status(int status) {
        ctx.status(status);
    }

    @Override
    public void result(String contentType, byte[] body) {
        ctx.contentType(contentType);
        ctx.result(body);
    }
}
