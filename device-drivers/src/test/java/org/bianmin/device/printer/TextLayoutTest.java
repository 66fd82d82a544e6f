package org.bianmin.device.printer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class TextLayoutTest {

    @Test
    void chineseCountsTwoColumnsAsciiOne() {
        assertThat(TextLayout.width("办事ABC")).isEqualTo(7);
        assertThat(TextLayout.width("，")).isEqualTo(2);
    }

    @Test
    void wrapsAt32ColumnsWithoutSplittingAChineseCharacter() {
        String text = "A" + "政".repeat(20);
        List<String> lines = TextLayout.wrap(text, 32);
        assertThat(lines).containsExactly("A" + "政".repeat(15), "政".repeat(5));
        assertThat(TextLayout.width(lines.get(0))).isEqualTo(31);
    }

    @Test
    void moveAsciiWordsWhole() {
        assertThat(TextLayout.wrap("call 0591-12345678 now", 12)).containsExactly("call", "0591-1234567", "8 now");
        assertThat(TextLayout.wrap("hello world", 8)).containsExactly("hello", "world");
    }

    @Test
    void labelValueFillsTheLineOrFallsBackToTwoLines() {
        assertThat(TextLayout.labelValue("编号", "A-1", 10)).containsExactly("编号   A-1");
        assertThat(TextLayout.labelValue("受理编号", "2026112100001", 12))
                .containsExactly("受理编号", "2026112100001".substring(0, 12), "           1");
    }

    @Property
    void linesNeverExceedTheColumnsAndKeepEveryCharacter(
            @ForAll @StringLength(max = 200) @CharRange(from = 'a', to = 'e') @CharRange(from = ' ', to = ' ')
            @CharRange(from = '一', to = '丁') String text,
            @ForAll @IntRange(min = 2, max = 48) int columns) {
        List<String> lines = TextLayout.wrap(text, columns);
        assertThat(lines).allSatisfy(l -> assertThat(TextLayout.width(l)).isLessThanOrEqualTo(columns));
        assertThat(String.join("", lines).replace(" ", "")).isEqualTo(text.replace(" ", ""));
    }
}
