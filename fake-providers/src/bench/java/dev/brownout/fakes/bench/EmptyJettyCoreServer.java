package dev.brownout.fakes.bench;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The data-plane prototype measured against {@link EmptyJavalinServer}: Jetty 12's core handler API with no
 * servlet layer answering {@code POST /v1/chat/completions} with a static 810-byte body once the whole request
 * body is read, and nothing else.
 *
 * <p>How to run, then drive it with the throughput benchmark's wrk settings:
 * <pre>
 * ./mvnw -q -pl fake-providers -Pbench compile exec:exec -Dbench.main=EmptyJettyCoreServer -Dbench.args="18082 100" &amp;
 * wrk -t2 -c64 -d10s -s post.lua http://127.0.0.1:18082/v1/chat/completions
 * </pre>
 * Arguments: port, seconds to serve before stopping by itself.
 */
public final class EmptyJettyCoreServer {

    private EmptyJettyCoreServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18082;
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 100;
        byte[] body = new byte[810];
        Arrays.fill(body, (byte) 'x');
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory());
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Content.Source.asByteBufferAsync(request).whenComplete((content, failure) -> {
                    if (failure != null) {
                        Response.writeError(request, response, callback, failure);
                        return;
                    }
                    response.setStatus(200);
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
                    response.write(true, ByteBuffer.wrap(body), callback);
                });
                return true;
            }
        });
        server.start();
        System.out.println("serving on 127.0.0.1:" + port + " for " + seconds + " s");
        Thread.sleep(seconds * 1000);
        server.stop();
    }
}
