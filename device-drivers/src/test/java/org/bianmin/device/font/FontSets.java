package org.bianmin.device.font;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Machines with one set of fonts, for tests: a fontconfig file whose only font directory holds links to the files of
 * the named families, found through the system's fontconfig (so wherever the distribution puts them). A family
 * that is not installed fails the test with the package to install: {@code ./kiosk test} installs them all.
 */
public enum FontSets {
    /** fonts-wqy-microhei alone: TrueType in a .ttc, has Latin. */
    WQY("fonts-wqy-microhei", "WenQuanYi Micro Hei"),
    /** fonts-noto-cjk alone: OpenType/CFF in a .ttc. */
    NOTO("fonts-noto-cjk", "Noto Sans CJK SC"),
    /** What ImageMagick and Ghostscript pull in: Droid Sans Fallback (no Latin at all) and fontconfig's DejaVu. */
    DROID("fonts-droid-fallback", "Droid Sans Fallback", "DejaVu Sans"),
    /** Droid Sans Fallback and nothing else: no combination covers a receipt number. */
    DROID_ALONE("fonts-droid-fallback", "Droid Sans Fallback"),
    /** No Chinese font: only DejaVu. */
    NONE("fonts-dejavu-core", "DejaVu Sans");

    private final String debianPackage;
    private final List<String> families;

    FontSets(String debianPackage, String... families) {
        this.debianPackage = debianPackage;
        this.families = List.of(families);
    }

    /** Writes {@code dir}/fonts.conf and {@code dir}/fonts/; returns the environment that selects them. */
    public Map<String, String> install(Path dir) throws IOException {
        Path fonts = Files.createDirectories(dir.resolve("fonts"));
        for (String family : families) {
            List<Path> files = filesOf(family);
            if (files.isEmpty()) {
                throw new IllegalStateException("font family '" + family + "' is not installed: apt-get install "
                        + debianPackage + " (./kiosk test installs it)");
            }
            for (Path f : files) {
                Path link = fonts.resolve(f.getFileName());
                if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(link, f);
                }
            }
        }
        Path conf = dir.resolve("fonts.conf");
        Files.writeString(conf, """
                <?xml version="1.0"?>
                <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
                <fontconfig>
                  <dir>%s</dir>
                  <cachedir>%s</cachedir>
                  <include ignore_missing="yes">/etc/fonts/conf.d</include>
                </fontconfig>
                """.formatted(fonts, dir.resolve("cache")));
        // conf.d adds the user's font directories under XDG_DATA_HOME and HOME: point them at nothing.
        return Map.of("FONTCONFIG_FILE", conf.toString(), "XDG_DATA_HOME", dir.resolve("xdg").toString(),
                "HOME", dir.toString());
    }

    public FontSource source(Path dir) throws IOException {
        return new FontSource.Fontconfig(install(dir));
    }

    public FontResolution resolve(Path dir) throws IOException {
        return FontResolver.resolve(source(dir), java.util.Optional.empty());
    }

    /** The usable set, or an assertion-style failure naming why not. */
    public ReceiptFonts fonts(Path dir) throws IOException {
        return switch (resolve(dir)) {
            case FontResolution.Usable u -> u.fonts();
            case FontResolution.Unusable u -> throw new IllegalStateException(name() + " unusable: " + u.reason());
        };
    }

    /** The system fontconfig's files of one family (the machine's own fonts, not a test set). */
    static List<Path> filesOf(String family) throws IOException {
        Process p = new ProcessBuilder("fc-list", "--format=%{file}\\n", ":family=" + family)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (InputStream in = p.getInputStream()) {
            String out = new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("fc-list timed out");
            }
            List<Path> files = new ArrayList<>();
            out.lines().filter(l -> !l.isBlank()).map(Path::of).filter(FontSource::isOutlineFont).distinct()
                    .sorted().forEach(files::add);
            return files;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
