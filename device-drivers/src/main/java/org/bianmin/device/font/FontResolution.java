package org.bianmin.device.font;

/** The answer of {@link FontResolver}: a usable set, or why there is none (a sentence an operator can act on). */
public sealed interface FontResolution {

    record Usable(ReceiptFonts fonts) implements FontResolution {}

    record Unusable(String reason) implements FontResolution {}
}
