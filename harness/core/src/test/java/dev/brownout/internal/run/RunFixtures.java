package dev.brownout.internal.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.scenario.Scenario;
import dev.brownout.scenario.ScenarioLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The engine tests' scenario and the checks they make on a finished run's folder. */
public final class RunFixtures {

    private RunFixtures() {
    }

    /** Three one-second phases (steady, sick, down) on instant models, 40 tasks a second. */
    static Scenario shortOutage() {
        return ScenarioLoader.load(resource("/run/short-outage.yaml"));
    }

    static Path resource(String name) {
        try {
            return Path.of(Objects.requireNonNull(RunFixtures.class.getResource(name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(Path file) {
        try {
            return Mappers.json().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> jsonLines(Path file) {
        try {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                lines.add(Mappers.json().readTree(line));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every address the run's world and its SUT listened on, as {@code world.json} and the record list them. */
    static List<String> listeners(RunRecord record) {
        List<String> addresses = new ArrayList<>();
        json(record.folder().resolve("world.json")).path("listeners").forEach(node -> addresses.add(node.asText()));
        if (record.sutBaseUrl() != null) {
            URI sut = URI.create(record.sutBaseUrl());
            addresses.add(sut.getHost() + ":" + sut.getPort());
        }
        return addresses;
    }

    /**
     * Whether {@code host:port} answers an HTTP request (the fake's health check, which no ledger records) with anything at all: false when nothing listens, and for a
     * downed fault proxy, which keeps its port but resets every connection at once.
     */
    public static boolean serves(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))), 2_000);
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("GET /__brownout/health HTTP/1.1\r\nHost: probe\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            return socket.getInputStream().read() >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether anything accepts a connection at {@code host:port} within half a second. */
    public static boolean accepts(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
