package dev.brownout.faultproxy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections dropped mid-toxic and proxies churned in a loop leave no data-plane threads, sockets
 * or file descriptors behind. Counts are polled until they settle, with a deadline.
 */
class ResourceLeakTest extends EmbeddedServerFixture {

    private static final Duration SETTLE = Duration.ofSeconds(20);
    private static final int FD_SLACK = 16;
    private static final int PLATFORM_THREAD_SLACK = 4;

    private static long openFileDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int platformThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    @Test
    void thousandsOfConnectionsDroppedMidToxicLeaveNothingBehind() throws Exception {
        try (LoopbackServer echo = LoopbackServer.echo()) {
            Proxy proxy = proxy("churn", echo.port());
            proxy.toxics().latency("up", ToxicDirection.UPSTREAM, 20);
            proxy.toxics().latency("down", ToxicDirection.DOWNSTREAM, 50);
            proxy.toxics().slicer("slice", ToxicDirection.DOWNSTREAM, 64, 1_000);
            dropConnections(proxy, 50);
            assertThat(Await.until(() -> server.liveConnections() == 0, SETTLE)).as("warm-up connections closed").isTrue();
            long fdsBefore = openFileDescriptors();
            int threadsBefore = server.liveThreads();
            int platformBefore = platformThreads();

            dropConnections(proxy, 2_000);

            assertThat(Await.until(() -> server.liveConnections() == 0, SETTLE))
                    .as("live connections after 2000 were dropped mid-toxic (now %d)", server.liveConnections()).isTrue();
            assertThat(Await.until(() -> server.liveThreads() == threadsBefore, SETTLE))
                    .as("data-plane threads back to %d (now %d)", threadsBefore, server.liveThreads()).isTrue();
            assertThat(Await.until(() -> openFileDescriptors() <= fdsBefore + FD_SLACK, SETTLE))
                    .as("file descriptors back to about %d (now %d)", fdsBefore, openFileDescriptors()).isTrue();
            assertThat(platformThreads()).as("platform threads").isLessThanOrEqualTo(platformBefore + PLATFORM_THREAD_SLACK);
            assertThat(server.bufferedBytes()).as("bytes still reserved in latency buffers").isZero();
        }
    }

    /** Each connection writes a request and closes before the delayed response can arrive. */
    private static void dropConnections(Proxy proxy, int count) throws Exception {
        byte[] request = "hello through the toxics".getBytes(StandardCharsets.US_ASCII);
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                done.add(pool.submit(() -> {
                    try (Socket socket = connect(proxy)) {
                        socket.getOutputStream().write(request);
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }
    }

    @Test
    void connectionsHeldByARateZeroToxicAreReleasedWhenItIsRemoved() throws Exception {
        try (LoopbackServer echo = LoopbackServer.echo()) {
            Proxy proxy = proxy("held", echo.port());
            int threadsBefore = server.liveThreads();
            proxy.toxics().bandwidth("cut", ToxicDirection.UPSTREAM, 0);
            dropConnections(proxy, 300);

            proxy.toxics().get("cut").remove();

            assertThat(Await.until(() -> server.liveConnections() == 0, SETTLE))
                    .as("held connections after the toxic went (now %d)", server.liveConnections()).isTrue();
            assertThat(Await.until(() -> server.liveThreads() == threadsBefore, SETTLE))
                    .as("data-plane threads back to %d (now %d)", threadsBefore, server.liveThreads()).isTrue();
        }
    }

    @Test
    void proxiesCreatedAndDeletedInALoopDoNotLeak() throws Exception {
        try (LoopbackServer echo = LoopbackServer.echo()) {
            churnProxies(echo, 20);
            assertThat(Await.until(() -> server.liveThreads() == 0, SETTLE)).as("warm-up threads gone").isTrue();
            long fdsBefore = openFileDescriptors();

            churnProxies(echo, 300);

            assertThat(Await.until(() -> server.liveThreads() == 0, SETTLE))
                    .as("data-plane threads after 300 proxies were deleted (now %d)", server.liveThreads()).isTrue();
            assertThat(Await.until(() -> openFileDescriptors() <= fdsBefore + FD_SLACK, SETTLE))
                    .as("file descriptors back to about %d (now %d)", fdsBefore, openFileDescriptors()).isTrue();
            assertThat(client.getProxies()).as("proxies left").isEmpty();
        }
    }

    private void churnProxies(LoopbackServer echo, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            Proxy proxy = proxy("loop" + i, echo.port());
            proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 5);
            Socket open = connect(proxy);
            open.getOutputStream().write(1);
            proxy.delete();
            open.close();
        }
    }
}
