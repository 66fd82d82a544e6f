package org.bianmin.device.printer;

import java.util.ArrayList;
import java.util.List;

/**
 * Column arithmetic for a receipt printer's fixed-pitch font. In GB18030 every non-ASCII character is a
 * multi-byte code printed from the 24×24 Chinese font, i.e. two columns; ASCII is one. Lines are broken between
 * code points only, so a Chinese character is never split; ASCII words move whole to the next line when they fit.
 */
public final class TextLayout {

    private TextLayout() {}

    public static int width(int codePoint) {
        return codePoint < 0x80 ? 1 : 2;
    }

    public static int width(CharSequence text) {
        return text.codePoints().map(TextLayout::width).sum();
    }

    /** Breaks text (which may contain newlines) into lines of at most {@code columns} columns. */
    public static List<String> wrap(String text, int columns) {
        if (columns < 2) {
            throw new IllegalArgumentException("need at least 2 columns to fit one Chinese character");
        }
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            wrapParagraph(paragraph.stripTrailing(), columns, lines);
        }
        return lines;
    }

    private static void wrapParagraph(String text, int columns, List<String> out) {
        int[] cps = text.codePoints().toArray();
        int start = 0;
        while (start < cps.length || start == 0) {
            int used = 0;
            int end = start;
            while (end < cps.length && used + width(cps[end]) <= columns) {
                used += width(cps[end]);
                end++;
            }
            if (end < cps.length && isWordChar(cps[end]) && end > start && isWordChar(cps[end - 1])) {
                int space = end;
                while (space > start && cps[space - 1] != ' ') {
                    space--;
                }
                if (space > start) {
                    end = space;
                }
            }
            out.add(new String(cps, start, end - start).stripTrailing());
            start = end;
            while (start < cps.length && cps[start] == ' ') {
                start++;
            }
            if (start >= cps.length) {
                break;
            }
        }
    }

    private static boolean isWordChar(int cp) {
        return cp < 0x80 && cp != ' ';
    }

    /** {@code label … value} on one line when both fit, else the label's lines then the value right-aligned. */
    public static List<String> labelValue(String label, String value, int columns) {
        int gap = columns - width(label) - width(value);
        if (gap >= 1) {
            return List.of(label + " ".repeat(gap) + value);
        }
        List<String> lines = new ArrayList<>(wrap(label, columns));
        for (String v : wrap(value, columns)) {
            lines.add(" ".repeat(columns - width(v)) + v);
        }
        return lines;
    }

    /** A rule of {@code ch} across the full width. */
    public static String rule(char ch, int columns) {
        return String.valueOf(ch).repeat(columns / width(ch));
    }
}
