package org.bianmin.bench.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The kiosk started as the package starts it: the package launcher's JVM options (installer/build-deb.sh
 * {@code JAVA_OPTIONS}), its jars (here from {@code kiosk-app/target}, JavaFX on the module path instead of linked
 * into the runtime), an AOT cache trained the way the package build trains it, headless, production mode,
 * {@code --exit-after-start}.
 */
final class KioskCommand {

    private final Path java;
    private final Path jar;
    private final Path lib;
    private final Path work;
    private final Path cache;

    KioskCommand(Path java, Path jar, Path lib, Path work) {
        this.java = java;
        this.jar = jar;
        this.lib = lib;
        this.work = work;
        this.cache = work.resolve("kiosk.aot");
    }

    /** One start on a scratch data directory that writes the AOT cache at exit ({@code -XX:AOTCacheOutput}). */
    void train() throws IOException, InterruptedException {
        List<String> command = command(List.of("-XX:AOTCacheOutput=" + cache), work.resolve("train-data"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("training.log").toFile()).start();
        if (p.waitFor() != 0 || !Files.isRegularFile(cache)) {
            throw new IllegalStateException("AOT training run failed: see " + work.resolve("training.log"));
        }
    }

    /** A start with the trained cache on {@code data}. */
    List<String> start(Path data) {
        return command(List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=auto"), data);
    }

    private List<String> command(List<String> aot, Path data) {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Dfile.encoding=UTF-8",
                "--enable-native-access=ALL-UNNAMED,javafx.graphics"));
        command.addAll(aot);
        command.addAll(List.of("-Xlog:disable", "-Xlog:all=warning:stderr",
                "-Dglass.platform=Headless", "-Dprism.order=sw", "-Duser.home=" + work.resolve("home"),
                "--module-path", String.join(":", jars(true)), "--add-modules", "javafx.controls",
                "-cp", String.join(":", classPath()), "org.bianmin.kiosk.app.KioskLauncher",
                "--exit-after-start", "--data-dir", data.toString()));
        return command;
    }

    /** An explicit, sorted class path: an AOT cache maps only for the class path it was trained with. */
    private List<String> classPath() {
        List<String> path = new ArrayList<>(List.of(jar.toString()));
        path.addAll(jars(false));
        return path;
    }

    /** The platform JavaFX jars (module path), or every other jar of {@code lib} (class path). */
    private List<String> jars(boolean javafx) {
        try (Stream<Path> files = Files.list(lib)) {
            return files.map(Path::toString).filter(f -> f.endsWith(".jar"))
                    .filter(f -> Path.of(f).getFileName().toString().startsWith("javafx-") == javafx)
                    .filter(f -> !javafx || f.endsWith("-linux.jar")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + lib, e);
        }
    }
}
