package dev.brownout.fakes.internal.exchange;

import dev.brownout.fakes.behaviour.CutMode;
import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;

/**
 * Ends a response by closing its connection under it, as an upstream that dies does: whatever the body had
 * sent stays sent, and the body's own end (HTTP/1.1's closing zero-length chunk, or the rest of a
 * Content-Length) never comes. The servlet API has no way to do this, so it closes Jetty's endpoint.
 */
final class AbruptEnd {

    private AbruptEnd() {
    }

    /**
     * Closes the request's connection: with FIN for {@link CutMode#ABORT}, with RST for {@link CutMode#RESET}
     * (SO_LINGER 0 makes the kernel drop the connection instead of closing it in order). Returns false when
     * the connection could not be reached, which only an unexpected listener would cause.
     */
    static boolean close(Context ctx, CutMode mode) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        if (request == null) {
            return false;
        }
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        if (mode == CutMode.RESET && endPoint.getTransport() instanceof SocketChannel channel) {
            try {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException e) {
                // Already closed by the client: there is nothing left to reset.
                return true;
            }
        }
        endPoint.close();
        return true;
    }
}
