package org.bianmin.installer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a system command to its end (or the timeout) and keeps what it printed. */
record Command(int exitCode, String out, String err) {

    static Command run(Duration timeout, Map<String, String> env, String... command) throws IOException,
            InterruptedException {
        Path out = Files.createTempFile("cmd", ".out");
        Path err = Files.createTempFile("cmd", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end within " + timeout);
            }
            return new Command(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static Command run(String... command) throws IOException, InterruptedException {
        return run(Duration.ofMinutes(5), Map.of(), command);
    }

    /** Fails with what the command printed unless it exited 0. */
    Command ok() {
        if (exitCode != 0) {
            throw new AssertionError("exit " + exitCode + "\n" + out + "\n" + err);
        }
        return this;
    }

    static Path deb() throws IOException {
        Path target = Path.of(System.getProperty("installer.target", "target"));
        try (var files = Files.list(target)) {
            List<Path> debs = files.filter(p -> p.getFileName().toString().endsWith("_amd64.deb")).toList();
            if (debs.size() != 1) {
                throw new AssertionError("expected one .deb in " + target + ", found " + debs);
            }
            return debs.getFirst();
        }
    }
}
