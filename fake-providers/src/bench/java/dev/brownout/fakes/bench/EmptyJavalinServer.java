package dev.brownout.fakes.bench;

import io.javalin.Javalin;

import java.util.Arrays;

/**
 * The floor under the throughput benchmark: Javalin 7 with virtual threads answering
 * {@code POST /v1/chat/completions} with a static 810-byte body and doing nothing else, so the fake's own
 * cost per request can be told from the HTTP stack's.
 *
 * <p>How to run (one shell), then drive it with the same wrk settings as the throughput benchmark:
 * <pre>
 * ./mvnw -q -pl fake-providers -Pbench compile exec:exec -Dbench.main=EmptyJavalinServer -Dbench.args="18081 100" &amp;
 * wrk -t2 -c64 -d10s -s post.lua http://127.0.0.1:18081/v1/chat/completions
 * </pre>
 * Arguments: port, seconds to serve before stopping by itself.
 */
public final class EmptyJavalinServer {

    private EmptyJavalinServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18081;
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 100;
        byte[] body = new byte[810];
        Arrays.fill(body, (byte) 'x');
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.concurrency.useVirtualThreads = true;
            config.routes.post("/v1/chat/completions", ctx -> ctx.contentType("application/json").result(body));
        }).start("127.0.0.1", port);
        System.out.println("serving on 127.0.0.1:" + port + " for " + seconds + " s");
        Thread.sleep(seconds * 1000);
        app.stop();
    }
}
