package org.bianmin.device.font;

import java.awt.Font;
import java.nio.file.Path;

/**
 * One face of an installed font file: {@code index} picks the face inside a collection (.ttc), {@code family} is
 * its English family name (what JavaFX and CSS call it), {@code awt} the loaded face, used to ask which characters
 * it has (its cmap) and to draw with.
 */
public record FontFace(Path file, int index, String family, Font awt) {

    public boolean has(int codePoint) {
        return awt.canDisplay(codePoint);
    }

    /** What OpenPDF's {@code BaseFont.createFont} takes: the file, with ",N" for a face of a collection. */
    public String pdfName() {
        String name = file.toString();
        return isCollection() ? name + "," + index : name;
    }

    public boolean isCollection() {
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".ttc") || n.endsWith(".otc");
    }

    @Override
    public String toString() {
        return family + " (" + file + (isCollection() ? " #" + index : "") + ")";
    }
}
