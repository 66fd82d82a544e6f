package org.bianmin.receipt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds a TrueType font with Chinese glyphs for the PDF: the configured file if any, else well-known files of the
 * usual Linux and Windows CJK fonts, else any file under the font directories whose name says it is one.
 */
public final class CjkFontLocator {

    /** Environment variable naming a .ttf/.ttc file to use instead of searching. */
    public static final String ENV = "BIANMIN_RECEIPT_FONT";

    static final List<Path> WELL_KNOWN = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            Path.of("C:/Windows/Fonts/simhei.ttf"),
            Path.of("C:/Windows/Fonts/simsun.ttc"),
            Path.of("C:/Windows/Fonts/msyh.ttc"));
    static final List<Path> FONT_DIRS = List.of(Path.of("/usr/share/fonts"), Path.of("/usr/local/share/fonts"));
    private static final List<String> NAME_HINTS = List.of("wqy", "droidsansfallback", "simhei", "simsun", "msyh",
            "sourcehansans", "notosanssc", "arplumingcn", "arplukaicn");

    private CjkFontLocator() {}

    /** The font file: {@code configured} when present, else the search result. */
    public static Path locate(Optional<Path> configured) throws ReceiptPdfException {
        if (configured.isPresent()) {
            Path p = configured.get();
            if (!Files.isReadable(p)) {
                throw new ReceiptPdfException("the configured receipt font " + p + " does not exist or is unreadable");
            }
            return p;
        }
        return search(WELL_KNOWN, FONT_DIRS).orElseThrow(() -> new ReceiptPdfException(
                "no Chinese TrueType font found (looked at " + WELL_KNOWN.getFirst() + " and under " + FONT_DIRS
                        + "): install one, e.g. 'apt-get install fonts-wqy-microhei', or set " + ENV
                        + " to a .ttf/.ttc file"));
    }

    static Optional<Path> search(List<Path> wellKnown, List<Path> dirs) {
        for (Path p : wellKnown) {
            if (Files.isReadable(p)) {
                return Optional.of(p);
            }
        }
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir, 4)) {
                Optional<Path> hit = files.filter(CjkFontLocator::looksCjkTrueType).sorted().findFirst();
                if (hit.isPresent()) {
                    return hit;
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                // an unreadable font directory is the same as an empty one
            }
        }
        return Optional.empty();
    }

    private static boolean looksCjkTrueType(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return (n.endsWith(".ttf") || n.endsWith(".ttc")) && NAME_HINTS.stream().anyMatch(n::contains);
    }
}
