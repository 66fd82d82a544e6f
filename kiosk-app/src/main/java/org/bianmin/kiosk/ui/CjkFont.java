package org.bianmin.kiosk.ui;

import java.util.Optional;
import javafx.scene.text.Font;
import org.bianmin.device.font.ReceiptFonts;

/**
 * The UI's side of the kiosk's one font resolution ({@link ReceiptFonts}): the family the scene's root names. None
 * when the Chinese font has no Latin (Droid Sans Fallback): JavaFX's default font then draws Latin and falls back,
 * through fontconfig, to the Chinese font for 汉字.
 */
public final class CjkFont {

    private CjkFont() {}

    /** The family to name; a face JavaFX does not list (a font file given by path) is loaded into JavaFX first. */
    public static Optional<String> family(ReceiptFonts fonts) {
        return fonts.uiFamily().filter(family -> Font.getFamilies().contains(family)
                || Font.loadFonts(fonts.primary().file().toUri().toString(), Font.getDefault().getSize()) != null
                && Font.getFamilies().contains(family));
    }
}
