package dev.brownout;

import dev.brownout.sut.GatewayRequest;
import dev.brownout.sut.ReplyStream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * A stand-in for a load tool, as the tests of {@link LoadRun} need one: an open arrival rate for a while, each arrival
 * taking a task from a population, sending the run's request for it with the JDK's HTTP client, reading the reply
 * (whole, or its stream line by line) through the run's readers, and recording what it saw.
 */
final class OpenLoopTool {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> sent = java.util.Collections.synchronizedList(new ArrayList<>());

    /** Sends the scenario's open workload (its rate, for its duration), then waits for every exchange to end. */
    List<String> drive(LoadRun run, LoadPopulation population) {
        return drive(run, population, run.scenario().workload().duration());
    }

    /** Sends at the scenario's rate for {@code length}, then waits for every exchange to end. */
    List<String> drive(LoadRun run, LoadPopulation population, Duration length) {
        double perSecond = run.scenario().workload().rate().perSecond();
        long start = System.nanoTime();
        long count = Math.round(length.toNanos() / 1e9 * perSecond);
        try (ExecutorService exchanges = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < count; i++) {
                long due = start + Math.round(i * 1e9 / perSecond);
                LockSupport.parkNanos(due - System.nanoTime());
                LoadTask task = population.nextTask();
                sent.add(task.id());
                exchanges.submit(() -> exchange(run, population, task));
            }
            exchanges.shutdown();
            exchanges.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.copyOf(sent);
    }

    private void exchange(LoadRun run, LoadPopulation population, LoadTask task) {
        GatewayRequest request = run.request(task);
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.url()).timeout(task.timeout())
                .POST(HttpRequest.BodyPublishers.ofString(request.body()));
        request.headers().forEach(builder::header);
        long started = System.nanoTime();
        try {
            if (task.stream()) {
                HttpResponse<Stream<String>> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofLines());
                ReplyStream reader = run.readStream();
                try (Stream<String> lines = response.body()) {
                    Iterator<String> iterator = lines.iterator();
                    while (iterator.hasNext()) {
                        String line = iterator.next();
                        if (line.startsWith("data:") && !reader.accept(line.substring(5), System.nanoTime())) {
                            break;
                        }
                    }
                } catch (UncheckedIOException broken) {
                    population.record(LoadExchange.failed(task, started, System.nanoTime(), LoadExchange.BROKEN_OFF));
                    return;
                }
                population.record(LoadExchange.replied(task, started, System.nanoTime(), reader.end(response.statusCode())));
            } else {
                HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                long arrived = System.nanoTime();
                population.record(LoadExchange.replied(task, started, arrived,
                        run.readReply(response.statusCode(), response.body(), arrived)));
            }
        } catch (java.net.http.HttpTimeoutException e) {
            population.record(LoadExchange.timedOut(task, started, System.nanoTime()));
        } catch (IOException e) {
            population.record(LoadExchange.failed(task, started, System.nanoTime(), e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
