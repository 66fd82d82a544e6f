package org.bianmin.kiosk.ui;

import java.util.List;
import java.util.Optional;
import javafx.scene.text.Font;

/** Picks an installed font family that covers Chinese; without one every 汉字 renders as a box. */
public final class CjkFont {

    static final List<String> PREFERRED = List.of("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
            "WenQuanYi Zen Hei", "Noto Sans SC", "Microsoft YaHei", "PingFang SC");

    private CjkFont() {}

    public static Optional<String> family() {
        List<String> installed = Font.getFamilies();
        return PREFERRED.stream().filter(installed::contains).findFirst();
    }
}
