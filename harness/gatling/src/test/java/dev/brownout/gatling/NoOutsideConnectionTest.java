package dev.brownout.gatling;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A Gatling run with brownout-gatling's gatling.conf and the JVM options it documents connects to nothing outside
 * loopback: every AF_INET/AF_INET6 connect(2) of the forked JVM, traced by strace, goes to 127.0.0.0/8 or ::1.
 * The converse (without those settings a connection leaves the machine) shows the trace can see one.
 */
class NoOutsideConnectionTest {

    private static final Pattern IPV4 = Pattern.compile("sa_family=AF_INET, .*inet_addr\\(\"([^\"]+)\"\\)");
    private static final Pattern IPV6 = Pattern.compile("sa_family=AF_INET6, .*inet_pton\\(AF_INET6, \"([^\"]+)\"");

    @Test
    void aRunWithTheShippedSettingsConnectsOnlyToLoopback(@TempDir Path workDir) throws Exception {
        Path strace = straceOrSkip();
        Path trace = workDir.resolve("connect.trace");
        ForkedGatling.Result gatling = ForkedGatling.in(workDir).scenario("gatling-openai.yaml")
                .wrappedIn(List.of(strace.toString(), "-f", "-e", "trace=connect", "-o", trace.toString())).run();
        assertThat(gatling.exitCode()).as("Gatling's exit code; %s", gatling).isZero();

        List<String> targets = connectTargets(trace);
        assertThat(targets).as("addresses the run connected to (it reached the world and the SUT, so the trace saw them)")
                .isNotEmpty()
                .allMatch(NoOutsideConnectionTest::loopback, "on loopback");
    }

    @Test
    void withoutTheSettingsARunConnectsOutsideLoopback(@TempDir Path workDir) throws Exception {
        Path strace = straceOrSkip();
        String resolver = Files.readAllLines(Path.of("/etc/resolv.conf")).stream()
                .filter(line -> line.startsWith("nameserver")).map(line -> line.substring("nameserver".length()).trim())
                .findFirst().orElse("127.0.0.1");
        assumeTrue(!loopback(resolver), "the DNS resolver is on loopback (" + resolver + "), so the lookup Gatling's "
                + "version check makes would not show as an outside connection here");
        Path trace = workDir.resolve("connect.trace");
        ForkedGatling.Result gatling = ForkedGatling.in(workDir).scenario("gatling-openai.yaml")
                .jvmOptions(List.of("-Dgatling.data.enableAnalytics=true"))
                .wrappedIn(List.of(strace.toString(), "-f", "-e", "trace=connect", "-o", trace.toString())).run();
        assertThat(gatling.exitCode()).as("Gatling's exit code; %s", gatling).isZero();

        assertThat(connectTargets(trace)).as("addresses the run connected to without the version-check JVM options and "
                + "with analytics on").anyMatch(address -> !loopback(address));
        assertThat(gatling.output()).as("BrownoutGatling.start's warning about Gatling's configuration")
                .contains("WARNING Brownout: Gatling's configuration reaches outside this machine: "
                        + "gatling.data.enableAnalytics = true");
    }

    private static Path straceOrSkip() {
        Path strace = Stream.of("/usr/bin/strace", "/bin/strace").map(Path::of).filter(Files::isExecutable)
                .findFirst().orElse(null);
        assumeTrue(strace != null, "strace is not installed: the connections of the Gatling JVM cannot be traced");
        return strace;
    }

    private static List<String> connectTargets(Path trace) throws IOException {
        List<String> targets = new ArrayList<>();
        for (String line : Files.readAllLines(trace)) {
            if (!line.contains("connect(")) {
                continue;
            }
            for (Pattern pattern : List.of(IPV4, IPV6)) {
                Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    targets.add(matcher.group(1));
                }
            }
        }
        return targets;
    }

    private static boolean loopback(String address) {
        return address.startsWith("127.") || address.equals("::1") || address.startsWith("::ffff:127.");
    }
}
