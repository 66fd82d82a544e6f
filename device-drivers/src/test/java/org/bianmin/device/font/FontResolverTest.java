package org.bianmin.device.font;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FontResolverTest {

    @TempDir
    Path dir;

    @Test
    void droidFallbackGetsALatinFontForEverythingItLacks() throws Exception {
        ReceiptFonts fonts = FontSets.DROID.fonts(dir);
        assertThat(fonts.primary().family()).isEqualTo("Droid Sans Fallback");
        assertThat(fonts.primary().has('0')).isFalse();
        assertThat(fonts.faces()).extracting(FontFace::family).contains("DejaVu Sans");
        assertThat(fonts.missing(ReceiptGlyphs.required())).isEmpty();
        assertThat(fonts.faceFor('4').orElseThrow().family()).isEqualTo("DejaVu Sans");
        assertThat(fonts.faceFor('换').orElseThrow().family()).isEqualTo("Droid Sans Fallback");
        assertThat(fonts.faceFor('·').orElseThrow().family()).isEqualTo("DejaVu Sans");
        // The UI then keeps JavaFX's default font (DejaVu via fontconfig) and its fallback to Droid for 汉字.
        assertThat(fonts.uiFamily()).isEmpty();
        assertThat(fonts.runs("回执 FZ-GL-0042：张"))
                .extracting(r -> r.face().family() + "|" + r.text())
                .containsExactly("Droid Sans Fallback|回执 ", "DejaVu Sans|FZ-GL-0042", "Droid Sans Fallback|：张");
    }

    @Test
    void notoInACollectionIsTheSimplifiedChineseFaceFontconfigPicks() throws Exception {
        ReceiptFonts fonts = FontSets.NOTO.fonts(dir);
        assertThat(fonts.primary().family()).isEqualTo("Noto Sans CJK SC");
        assertThat(fonts.primary().isCollection()).isTrue();
        assertThat(fonts.primary().pdfName()).endsWith(".ttc," + fonts.primary().index());
        assertThat(fonts.faces()).hasSize(1);
        assertThat(fonts.faceFor(0x20BB7)).contains(fonts.primary());
        assertThat(fonts.uiFamily()).contains("Noto Sans CJK SC");
    }

    @Test
    void wqyCoversTheReceiptAloneButNotTheRareSurname() throws Exception {
        ReceiptFonts fonts = FontSets.WQY.fonts(dir);
        assertThat(fonts.primary().family()).isEqualTo("WenQuanYi Micro Hei");
        assertThat(fonts.missing(ReceiptGlyphs.required())).isEmpty();
        assertThat(fonts.faceFor('龘')).contains(fonts.primary());
        assertThat(fonts.missing("吉𠮷")).isEqualTo("𠮷");
        assertThat(fonts.uiFamily()).contains("WenQuanYi Micro Hei");
    }

    @Test
    void droidAloneIsRefusedNamingTheMissingDigits() throws Exception {
        FontResolution r = FontSets.DROID_ALONE.resolve(dir);
        assertThat(r).isInstanceOfSatisfying(FontResolution.Unusable.class, u -> assertThat(u.reason())
                .contains("U+0030", "Droid Sans Fallback", "fonts-dejavu-core"));
    }

    @Test
    void noChineseFontIsRefusedWithWhatToInstall() throws Exception {
        FontResolution r = FontSets.NONE.resolve(dir);
        assertThat(r).isInstanceOfSatisfying(FontResolution.Unusable.class, u -> assertThat(u.reason())
                .contains("Chinese", "fonts-noto-cjk"));
    }

    @Test
    void aConfiguredFontComesFirstAndIsCheckedLikeAnyOther() throws Exception {
        Path droid = FontSets.filesOf("Droid Sans Fallback").getFirst();
        FontResolution r = FontResolver.resolve(FontSets.NOTO.source(dir.resolve("noto")), Optional.of(droid));
        assertThat(r).isInstanceOfSatisfying(FontResolution.Usable.class, u -> {
            assertThat(u.fonts().primary().file()).isEqualTo(droid);
            assertThat(u.fonts().faceFor('7').orElseThrow().family()).isEqualTo("Noto Sans CJK SC");
        });
        Path dejavu = FontSets.filesOf("DejaVu Sans").getFirst();
        assertThat(FontResolver.resolve(FontSets.NOTO.source(dir.resolve("n2")), Optional.of(dejavu)))
                .isInstanceOfSatisfying(FontResolution.Unusable.class,
                        u -> assertThat(u.reason()).contains(dejavu.toString(), "not a Chinese font"));
        assertThat(FontResolver.resolve(FontSets.NOTO.source(dir.resolve("n3")), Optional.of(dir.resolve("no.ttf"))))
                .isInstanceOfSatisfying(FontResolution.Unusable.class,
                        u -> assertThat(u.reason()).contains("no.ttf", "does not exist"));
    }

    @Test
    void aFontsFolderWithoutFontconfigIsSearchedLikeWindowsFonts() throws Exception {
        Path fonts = Files.createDirectories(dir.resolve("Fonts"));
        Files.createSymbolicLink(fonts.resolve("DroidSansFallbackFull.ttf"),
                FontSets.filesOf("Droid Sans Fallback").getFirst());
        Files.createSymbolicLink(fonts.resolve("arial.ttf"), FontSets.filesOf("DejaVu Sans").getFirst());
        Files.writeString(fonts.resolve("broken.ttf"), "not a font");
        FontResolution r = FontResolver.resolve(new FontSource.Directory(fonts), Optional.empty());
        assertThat(r).isInstanceOfSatisfying(FontResolution.Usable.class, u -> assertThat(u.fonts().faces())
                .extracting(FontFace::family).containsExactly("Droid Sans Fallback", "DejaVu Sans"));
    }

    @Test
    void fontconfigOutputLinesBecomeCandidates() {
        assertThat(FontSource.Fontconfig.parse("/a/b.ttc\t2\n\ngarbage\n/c d.ttf\t0\n/x\tnot-a-number\n"))
                .containsExactly(new FontSource.Candidate(Path.of("/a/b.ttc"), 2),
                        new FontSource.Candidate(Path.of("/c d.ttf"), 0));
    }
}
