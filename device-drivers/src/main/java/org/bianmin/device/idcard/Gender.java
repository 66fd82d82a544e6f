package org.bianmin.device.idcard;

import java.util.Optional;

/** GB/T 2261.1 gender codes as the card stores them. */
public enum Gender {
    UNKNOWN('0', "未知"),
    MALE('1', "男"),
    FEMALE('2', "女"),
    UNSPECIFIED('9', "未说明");

    private final char code;
    private final String label;

    Gender(char code, String label) {
        this.code = code;
        this.label = label;
    }

    public char code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<Gender> ofCode(String code) {
        for (Gender g : values()) {
            if (code.length() == 1 && code.charAt(0) == g.code) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
