package org.bianmin.device.font;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A usable font set: the main Chinese face first, then faces for what it lacks (a Latin font for the ASCII that
 * Droid Sans Fallback has none of; a face with rare characters). Each character is drawn with the first face that
 * has it: the PDF renderer, the virtual printer's roll and the UI all make that same choice here.
 */
public record ReceiptFonts(List<FontFace> faces) {

    public ReceiptFonts {
        faces = List.copyOf(faces);
        if (faces.isEmpty()) {
            throw new IllegalArgumentException("a font set needs at least one face");
        }
    }

    /** The main (Chinese) face. */
    public FontFace primary() {
        return faces.getFirst();
    }

    public Optional<FontFace> faceFor(int codePoint) {
        return faces.stream().filter(f -> f.has(codePoint)).findFirst();
    }

    /** The characters of {@code text} that no face has (blanks and controls need none), each once. */
    public String missing(String text) {
        return text.codePoints().filter(cp -> !Character.isWhitespace(cp) && !Character.isISOControl(cp))
                .filter(cp -> faceFor(cp).isEmpty()).distinct()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** A piece of text drawn with one face. */
    public record Run(FontFace face, String text) {}

    /**
     * {@code text} cut where the face changes. A character no face has stays with the face before it (callers
     * refuse such text first, see {@link #missing}); blanks stay with their neighbours.
     */
    public List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        FontFace current = null;
        StringBuilder piece = new StringBuilder();
        for (int cp : text.codePoints().toArray()) {
            FontFace face = Character.isWhitespace(cp) && current != null ? current
                    : faceFor(cp).orElse(current != null ? current : primary());
            if (face != current && !piece.isEmpty()) {
                runs.add(new Run(current, piece.toString()));
                piece.setLength(0);
            }
            current = face;
            piece.appendCodePoint(cp);
        }
        if (!piece.isEmpty()) {
            runs.add(new Run(current, piece.toString()));
        }
        return runs;
    }

    /**
     * The family the UI should name: the main face when it has Latin too. Otherwise none: JavaFX's default font then
     * draws Latin and falls back, through fontconfig, to the Chinese font for 汉字.
     */
    public Optional<String> uiFamily() {
        boolean latin = ReceiptGlyphs.LATIN.codePoints().allMatch(primary()::has);
        return latin ? Optional.of(primary().family()) : Optional.empty();
    }

    /** For logs and the self-check: "Noto Sans CJK SC (/usr/…/NotoSansCJK-Regular.ttc #2) + DejaVu Sans (…)". */
    public String describe() {
        return faces.stream().map(FontFace::toString).collect(Collectors.joining(" + "));
    }
}
