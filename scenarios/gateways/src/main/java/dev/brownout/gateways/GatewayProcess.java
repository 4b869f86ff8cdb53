package dev.brownout.gateways;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * Runs a gateway as its own process: {@code <main> <config.yaml>} starts it, prints its base URL as one
 * line on stdout, and stops on SIGTERM (or Ctrl-C) or when stdin reaches its end, so a parent that dies
 * takes its gateway with it.
 */
public final class GatewayProcess {

    private GatewayProcess() {
    }

    /** Returns the process exit code: 0 after a clean stop, 2 for a usage or config error. */
    public static int run(String kind, String[] args, Function<GatewayConfig, RunningGateway> starter) {
        if (args.length != 1 || args[0].startsWith("-")) {
            System.err.println("usage: " + kind + " <gateway-config.yaml|json>");
            return 2;
        }
        GatewayConfig config;
        try {
            config = GatewayConfig.load(Path.of(args[0]));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        RunningGateway gateway = starter.apply(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, kind + "-gateway-stop"));
        System.out.println(gateway.baseUrl());
        System.out.flush();
        Thread.ofVirtual().name(kind + "-stdin-watch").start(() -> {
            waitForEndOfInput(System.in);
            gateway.close();
            stopped.countDown();
        });
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void waitForEndOfInput(InputStream in) {
        byte[] discard = new byte[256];
        try {
            int read;
            do {
                read = in.read(discard);
            } while (read >= 0);
        } catch (IOException ignored) {
            // an unreadable stdin is as good as a closed one: the parent is gone
        }
    }
}
