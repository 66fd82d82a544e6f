package org.bianmin.device.font;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Where the candidate fonts come from, the system's preference first; the resolver then checks what they cover. */
public sealed interface FontSource {

    /** A face of a font file the source offers. */
    record Candidate(Path file, int index) {}

    List<Candidate> candidates() throws IOException;

    /** Linux: fontconfig's sorted answer for a Chinese sans-serif, so {@code FONTCONFIG_FILE} and the rules apply. */
    static FontSource system() {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return new Directory(Path.of(System.getenv().getOrDefault("WINDIR", "C:\\Windows"), "Fonts"));
        }
        return new Fontconfig(Map.of());
    }

    /**
     * Asks {@code fc-match -s 'sans-serif:lang=zh-cn'}: every font fontconfig would use for Chinese sans-serif text,
     * best first, after the system's (or {@code FONTCONFIG_FILE}'s) configuration and aliases. {@code env} is added
     * to this process's environment for the call (tests point {@code FONTCONFIG_FILE} at a font set of their own).
     */
    record Fontconfig(Map<String, String> env) implements FontSource {

        static final String PATTERN = "sans-serif:lang=zh-cn";
        private static final long TIMEOUT_SECONDS = 20;
        private static final int MAX_OUTPUT = 4 << 20;

        public Fontconfig {
            env = Map.copyOf(env);
        }

        @Override
        public List<Candidate> candidates() throws IOException {
            ProcessBuilder pb = new ProcessBuilder("fc-match", "-s", "--format=%{file}\\t%{index}\\n", PATTERN);
            pb.environment().putAll(env);
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new IOException("fontconfig's fc-match cannot be run (apt-get install fontconfig): "
                        + e.getMessage(), e);
            }
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readNBytes(MAX_OUTPUT);
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IOException("fc-match did not answer in " + TIMEOUT_SECONDS + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while asking fc-match", e);
            } finally {
                p.destroy();
            }
            if (p.exitValue() != 0) {
                throw new IOException("fc-match " + PATTERN + " failed with exit code " + p.exitValue());
            }
            return parse(new String(out, StandardCharsets.UTF_8));
        }

        static List<Candidate> parse(String output) {
            List<Candidate> list = new ArrayList<>();
            for (String line : output.split("\n")) {
                int tab = line.lastIndexOf('\t');
                if (tab <= 0) {
                    continue;
                }
                try {
                    list.add(new Candidate(Path.of(line.substring(0, tab)), Integer.parseInt(line.substring(tab + 1))));
                } catch (RuntimeException notALine) {
                    // fontconfig prints one "file<TAB>index" per font; anything else is not a candidate
                }
            }
            return list;
        }
    }

    /**
     * A font directory without fontconfig (Windows' Fonts folder): the usual Chinese UI fonts first (YaHei, DengXian,
     * SimHei, SimSun), then every other font file in name order.
     */
    record Directory(Path dir) implements FontSource {

        static final List<String> PREFERRED = List.of("msyh.ttc", "deng.ttf", "simhei.ttf", "simsun.ttc",
                "segoeui.ttf", "arial.ttf");

        @Override
        public List<Candidate> candidates() throws IOException {
            if (!Files.isDirectory(dir)) {
                throw new IOException("the font directory " + dir + " does not exist");
            }
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(FontSource::isOutlineFont)
                        .sorted(Comparator.comparingInt(Directory::rank).thenComparing(Path::toString))
                        .map(f -> new Candidate(f, 0)).toList();
            }
        }

        private static int rank(Path file) {
            int i = PREFERRED.indexOf(file.getFileName().toString().toLowerCase(Locale.ROOT));
            return i < 0 ? PREFERRED.size() : i;
        }
    }

    /** TrueType or OpenType (CFF) files and collections: what both AWT and OpenPDF load. */
    static boolean isOutlineFont(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".ttf") || n.endsWith(".ttc") || n.endsWith(".otf") || n.endsWith(".otc");
    }
}
