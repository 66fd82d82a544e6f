package org.bianmin.device.printer;

/** Roll widths the kiosk supports: text columns of the standard 12×24 font and printable dots at 203 dpi. */
public enum PaperWidth {
    MM58(32, 384),
    MM80(48, 576);

    public final int columns;
    public final int dots;

    PaperWidth(int columns, int dots) {
        this.columns = columns;
        this.dots = dots;
    }

    /** 58 or 80, as technicians say it. */
    public static PaperWidth ofMillimetres(int mm) {
        return switch (mm) {
            case 58 -> MM58;
            case 80 -> MM80;
            default -> throw new IllegalArgumentException("paper width must be 58 or 80 mm, was " + mm);
        };
    }

    public int millimetres() {
        return this == MM58 ? 58 : 80;
    }
}
