package org.bianmin.device.font;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one font resolution of the kiosk: takes the candidates of a {@link FontSource} in the system's order, picks
 * the first face that has every character of {@link ReceiptGlyphs#CHINESE}, then adds, in the same order, a face
 * for each {@linkplain ReceiptGlyphs#LATIN required} character it lacks and one for {@linkplain ReceiptGlyphs#RARE
 * rare} characters where some font has them. Coverage is each face's own cmap (AWT's {@code canDisplay}), not its
 * name. Unusable only when no combination covers everything required; the reason names what is missing.
 *
 * <p>Limits: at most {@value #MAX_FACES} faces; only TrueType/OpenType files and collections (what OpenPDF
 * embeds); a candidate that does not load is skipped. Reads each font file at most once per call.
 */
public final class FontResolver {

    static final int MAX_FACES = 4;

    private final Map<Path, Font[]> loaded = new HashMap<>();

    private FontResolver() {}

    /** {@code preferred}: a font file the operator named, tried before the source's candidates. */
    public static FontResolution resolve(FontSource source, Optional<Path> preferred) {
        List<FontSource.Candidate> candidates = new ArrayList<>();
        if (preferred.isPresent()) {
            Path p = preferred.get();
            if (!Files.isReadable(p)) {
                return new FontResolution.Unusable("the configured font " + p + " does not exist or is unreadable");
            }
            candidates.add(new FontSource.Candidate(p, 0));
        }
        try {
            candidates.addAll(source.candidates());
        } catch (IOException e) {
            if (preferred.isEmpty()) {
                return new FontResolution.Unusable("cannot list the installed fonts: " + e.getMessage());
            }
        }
        return new FontResolver().choose(candidates.stream().distinct()
                .filter(c -> FontSource.isOutlineFont(c.file())).toList(), preferred);
    }

    private FontResolution choose(List<FontSource.Candidate> candidates, Optional<Path> preferred) {
        Optional<FontFace> primary = preferred.isPresent()
                ? face(candidates.getFirst()).filter(f -> coversAll(f, ReceiptGlyphs.CHINESE))
                : candidates.stream().map(this::face).flatMap(Optional::stream)
                        .filter(f -> coversAll(f, ReceiptGlyphs.CHINESE)).findFirst();
        if (primary.isEmpty()) {
            return new FontResolution.Unusable(preferred.map(p -> "the configured font " + p + " is not a "
                    + "Chinese font (it lacks characters of " + ReceiptGlyphs.CHINESE + ")")
                    .orElse("no installed font has the Chinese characters a receipt needs: install one, e.g. "
                            + "'apt-get install fonts-noto-cjk' or 'fonts-wqy-microhei'"));
        }
        List<FontFace> faces = new ArrayList<>(List.of(primary.get()));
        for (String wanted : List.of(ReceiptGlyphs.LATIN, ReceiptGlyphs.RARE)) {
            for (int cp : wanted.codePoints().toArray()) {
                if (faces.size() < MAX_FACES && faces.stream().noneMatch(f -> f.has(cp))) {
                    candidates.stream().map(this::face).flatMap(Optional::stream)
                            .filter(f -> f.has(cp)).findFirst().ifPresent(faces::add);
                }
            }
        }
        ReceiptFonts fonts = new ReceiptFonts(faces);
        String missing = fonts.missing(ReceiptGlyphs.required());
        if (!missing.isEmpty()) {
            return new FontResolution.Unusable("no installed font has " + describe(missing) + " (the Chinese font is "
                    + primary.get() + "): install a Latin font, e.g. 'apt-get install fonts-dejavu-core'");
        }
        return new FontResolution.Usable(fonts);
    }

    private Optional<FontFace> face(FontSource.Candidate c) {
        Font[] faces = loaded.computeIfAbsent(c.file(), FontResolver::load);
        if (c.index() < 0 || c.index() >= faces.length) {
            return Optional.empty();
        }
        Font f = faces[c.index()];
        return Optional.of(new FontFace(c.file(), c.index(), f.getFamily(Locale.ENGLISH), f));
    }

    private static Font[] load(Path file) {
        try {
            return Font.createFonts(file.toFile());
        } catch (FontFormatException | IOException | RuntimeException unusable) {
            return new Font[0];
        }
    }

    private static boolean coversAll(FontFace face, String text) {
        return text.codePoints().allMatch(face::has);
    }

    /** "A B C … (U+0041 …)", at most 20 characters. */
    static String describe(String chars) {
        List<Integer> cps = chars.codePoints().boxed().collect(Collectors.toCollection(LinkedHashSet::new)).stream()
                .limit(20).toList();
        return cps.stream().map(Character::toString).collect(Collectors.joining(" ")) + " ("
                + cps.stream().map(cp -> String.format("U+%04X", cp)).collect(Collectors.joining(" "))
                + (chars.codePointCount(0, chars.length()) > cps.size() ? " …" : "") + ")";
    }
}
