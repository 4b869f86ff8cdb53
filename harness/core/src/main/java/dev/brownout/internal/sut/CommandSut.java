package dev.brownout.internal.sut;

import dev.brownout.sut.SutClient;
import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code command} adapter, for CLI agents: one process per task, the prompt on standard input or as the
 * last argument, the answer on standard output. Exit status 0 is an answer; any other is an error carrying
 * the start of standard error. A process still running at the task's timeout, or when the driver gives
 * up on it, is killed with its children and its process group. Each process is started by {@link SutLauncher},
 * so the kernel ends it (SIGTERM) when the harness dies.
 */
public final class CommandSut implements SutClient {

    /** How the prompt reaches the process. */
    public enum PromptDelivery { STDIN, ARGUMENT }

    static final int MAX_OUTPUT_BYTES = 1 << 20;
    static final String TASK_ID_VARIABLE = "BROWNOUT_TASK_ID";

    private final List<String> command;
    private final PromptDelivery delivery;
    private final Map<String, String> environment;

    private CommandSut(List<String> command, PromptDelivery delivery, Map<String, String> environment) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a command SUT needs a program to run");
        }
        this.command = List.copyOf(command);
        this.delivery = delivery;
        this.environment = Map.copyOf(environment);
    }

    /**
     * @param environment added to the process's environment, e.g. the world's {@code BROWNOUT_*} variables;
     *                    {@code BROWNOUT_TASK_ID} is set per task
     */
    public static CommandSut of(List<String> command, PromptDelivery delivery, Map<String, String> environment) {
        return new CommandSut(command, delivery, environment);
    }

    @Override
    public SutReply send(SutRequest request) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(command);
        if (delivery == PromptDelivery.ARGUMENT) {
            arguments.add(request.prompt());
        }
        ProcessBuilder builder = new ProcessBuilder(arguments).redirectErrorStream(false);
        builder.environment().putAll(environment);
        builder.environment().put(TASK_ID_VARIABLE, request.taskId());
        // through the launcher: the task's process ends with the harness, in a group of its own that its timeout ends whole
        Process process = SutLauncher.start(builder);
        try {
            Thread.ofVirtual().start(() -> writePrompt(process.getOutputStream(), request.prompt()));
            // Pipe reads cannot be interrupted, so they run on their own threads; this one waits on the process,
            // which a driver giving up on the task can interrupt, and the finally block then kills it.
            Capture stderr = Capture.start(process.getErrorStream());
            Capture stdout = Capture.start(process.getInputStream());
            if (!process.waitFor(request.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
                throw new IOException("the command did not exit within " + request.timeout());
            }
            stdout.awaitEnd();
            stderr.awaitEnd();
            int exit = process.exitValue();
            if (exit != 0) {
                return new SutReply(500, "exit " + exit + ": " + stderr.text().strip(), null, stdout.firstByteNanos);
            }
            return new SutReply(200, stdout.text().strip(), null, stdout.firstByteNanos);
        } finally {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                if (SutLauncher.ownGroups()) {
                    ProcStat.groupMembers(process.pid()).forEach(ProcessHandle::destroyForcibly);
                }
                process.destroyForcibly();
            }
        }
    }

    private void writePrompt(OutputStream stdin, String prompt) {
        try (stdin) {
            if (delivery == PromptDelivery.STDIN) {
                stdin.write(prompt.getBytes(StandardCharsets.UTF_8));
                stdin.write('\n');
            }
        } catch (IOException e) {
            // The process closed its input without reading it all; its exit status tells the rest.
        }
    }

    /** Reads a stream to its end, keeping at most {@link #MAX_OUTPUT_BYTES} and when the first byte came. */
    private static final class Capture implements Runnable {
        private static final long END_WAIT_MILLIS = 2_000;

        private final InputStream in;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private volatile long firstByteNanos;
        private Thread reader;

        Capture(InputStream in) {
            this.in = in;
        }

        static Capture start(InputStream in) {
            Capture capture = new Capture(in);
            capture.reader = Thread.ofVirtual().start(capture);
            return capture;
        }

        /** After the process exited: the rest of its output is in the pipe; a grandchild holding it open is not waited for long. */
        void awaitEnd() throws InterruptedException {
            reader.join(END_WAIT_MILLIS);
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (in) {
                int read;
                while ((read = in.read(buffer)) != -1) {
                    if (firstByteNanos == 0 && read > 0) {
                        firstByteNanos = System.nanoTime();
                    }
                    synchronized (kept) {
                        kept.write(buffer, 0, Math.min(read, Math.max(0, MAX_OUTPUT_BYTES - kept.size())));
                    }
                }
            } catch (IOException e) {
                // The process was killed or closed the stream: what was read is what it said.
            }
        }

        String text() {
            synchronized (kept) {
                return kept.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
