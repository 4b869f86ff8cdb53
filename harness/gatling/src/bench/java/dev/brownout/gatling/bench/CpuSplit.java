package dev.brownout.gatling.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where the Gatling JVM's Java execution went: JFR execution samples ({@code jdk.ExecutionSample}, every 10 ms per
 * running thread, virtual threads sampled on their carrier with their own stack) classified by the first frame,
 * from the top of the stack, whose class belongs to a known part. Samples whose stack holds only JDK frames are
 * put by their thread's name where it says (Gatling's {@code gatling-*} threads), else under "JDK only".
 */
final class CpuSplit {

    /** The parts of the Gatling JVM. */
    enum Part {
        GATLING("Gatling", false),
        BROWNOUT_IN_GATLING("Brownout on Gatling's threads", true),
        FAKES("fakes", true),
        PROXIES("proxies", true),
        RECORDER("recorder", true),
        JDK_ONLY("JDK only", false);

        final String shortName;
        final boolean overhead;

        Part(String shortName, boolean overhead) {
            this.shortName = shortName;
            this.overhead = overhead;
        }
    }

    private static final List<Map.Entry<String, Part>> PREFIXES = List.of(
            Map.entry("dev.brownout.faultproxy.", Part.PROXIES),
            Map.entry("dev.brownout.fakes.", Part.FAKES),
            Map.entry("io.javalin.", Part.FAKES),
            Map.entry("org.eclipse.jetty.", Part.FAKES),
            Map.entry("dev.brownout.gatling.", Part.BROWNOUT_IN_GATLING),
            Map.entry("dev.brownout.internal.sut.", Part.BROWNOUT_IN_GATLING),
            Map.entry("dev.brownout.sut.", Part.BROWNOUT_IN_GATLING),
            Map.entry("dev.brownout.Load", Part.BROWNOUT_IN_GATLING),
            Map.entry("dev.brownout.internal.", Part.RECORDER),
            Map.entry("dev.brownout.", Part.RECORDER),
            Map.entry("io.gatling.", Part.GATLING),
            Map.entry("io.netty.", Part.GATLING),
            Map.entry("scala.", Part.GATLING),
            Map.entry("org.apache.pekko.", Part.GATLING),
            Map.entry("akka.", Part.GATLING));

    private final Map<Part, Long> samples = new EnumMap<>(Part.class);

    static CpuSplit read(Path jfr) throws IOException {
        CpuSplit split = new CpuSplit();
        for (Part part : Part.values()) {
            split.samples.put(part, 0L);
        }
        try (RecordingFile file = new RecordingFile(jfr)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    split.samples.merge(classify(event), 1L, Long::sum);
                }
            }
        }
        return split;
    }

    private static Part classify(RecordedEvent event) {
        RecordedStackTrace stack = event.getStackTrace();
        if (stack != null) {
            for (RecordedFrame frame : stack.getFrames()) {
                if (frame.getMethod() == null || frame.getMethod().getType() == null) {
                    continue;
                }
                String type = frame.getMethod().getType().getName();
                for (Map.Entry<String, Part> prefix : PREFIXES) {
                    if (type.startsWith(prefix.getKey())) {
                        return prefix.getValue();
                    }
                }
            }
        }
        RecordedThread thread = event.getThread("sampledThread");
        String name = thread == null ? "" : String.valueOf(thread.getJavaName());
        return name.startsWith("gatling-") ? Part.GATLING : Part.JDK_ONLY;
    }

    long total() {
        return samples.values().stream().mapToLong(Long::longValue).sum();
    }

    long samples(Part part) {
        return samples.get(part);
    }

    /** The share of the samples in {@code part}, 0 when there are none. */
    double share(Part part) {
        long total = total();
        return total == 0 ? 0 : (double) samples.get(part) / total;
    }

    /** The share of the samples that is the run's own overhead (fakes, proxies, recorder, Brownout on Gatling's threads). */
    double overheadShare() {
        long total = total();
        if (total == 0) {
            return 0;
        }
        long overhead = 0;
        for (Part part : Part.values()) {
            if (part.overhead) {
                overhead += samples.get(part);
            }
        }
        return (double) overhead / total;
    }
}
