package org.bianmin.kiosk.ime;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * A character-at-a-time pinyin input method for the on-screen keyboard, so a citizen can enter Chinese text (an
 * address, a child's name) without the hall's hidden physical keyboard. Candidates are the GB2312 characters,
 * ranked by how often they occur in the text the kiosk knows (its catalogue: place names, addresses, the words of
 * government services), then level 1 (the 3,755 common ones) before level 2; {@code v} stands for ü.
 */
public final class PinyinIme {

    private static final Charset GB2312 = Charset.forName("GB2312");
    private static final int MAX_CANDIDATES = 30;

    /** Syllable → characters, common first; built on first use (see {@link #deferred}). */
    private final Supplier<TreeMap<String, List<Character>>> bySyllable;

    private PinyinIme(Supplier<TreeMap<String, List<Character>>> bySyllable) {
        this.bySyllable = bySyllable;
    }

    /** Builds the table (tens of milliseconds) with GB2312's own order: do it off the FX thread, once. */
    public static PinyinIme load() {
        return load("");
    }

    /** Builds the table, ranking characters that occur more often in {@code corpus} first. */
    public static PinyinIme load(String corpus) {
        TreeMap<String, List<Character>> table = table(corpus);
        return new PinyinIme(() -> table);
    }

    /**
     * An input method whose table is built on first use or by {@link #preload}, whichever comes first, not now:
     * the table (pinyin data for 6,763 characters, a few hundred milliseconds) is not needed for the first frame.
     * A {@link #candidates} call before the table is ready waits for it.
     */
    public static PinyinIme deferred(Supplier<String> corpus) {
        return new PinyinIme(new Supplier<>() {
            private TreeMap<String, List<Character>> table;

            @Override
            public synchronized TreeMap<String, List<Character>> get() {
                if (table == null) {
                    table = table(corpus.get());
                }
                return table;
            }
        });
    }

    /** Builds the table now if it is not built yet; call off the FX thread. */
    public void preload() {
        bySyllable.get();
    }

    private static TreeMap<String, List<Character>> table(String corpus) {
        Map<Character, Integer> frequency = new java.util.HashMap<>();
        corpus.chars().forEach(ch -> frequency.merge((char) ch, 1, Integer::sum));
        HanyuPinyinOutputFormat format = new HanyuPinyinOutputFormat();
        format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        format.setVCharType(HanyuPinyinVCharType.WITH_V);
        TreeMap<String, List<Character>> table = new TreeMap<>();
        // GB2312 rows 16-55 are level 1 (common), 56-87 level 2; iterating in code order keeps that ranking.
        for (int row = 0xB0; row <= 0xF7; row++) {
            for (int cell = 0xA1; cell <= 0xFE; cell++) {
                String s = new String(new byte[] {(byte) row, (byte) cell}, GB2312);
                char c = s.charAt(0);
                if (s.length() != 1 || Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
                    continue;
                }
                for (String syllable : readings(c, format)) {
                    table.computeIfAbsent(syllable, k -> new ArrayList<>()).add(c);
                }
            }
        }
        // Stable sort: equally frequent characters keep GB2312's level order.
        table.values().forEach(list -> list.sort(java.util.Comparator.comparingInt(
                (Character ch) -> -frequency.getOrDefault(ch, 0))));
        return table;
    }

    private static Set<String> readings(char c, HanyuPinyinOutputFormat format) {
        try {
            String[] all = PinyinHelper.toHanyuPinyinStringArray(c, format);
            return all == null ? Set.of() : new LinkedHashSet<>(List.of(all));
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException("pinyin format is fixed and valid", e);
        }
    }

    /**
     * Characters for what was typed: an exact syllable first ({@code zhang} → 张 章 长…), then syllables it
     * begins ({@code zh} → 中 找 之…), at most {@value #MAX_CANDIDATES}. Empty for anything that is not pinyin.
     */
    public List<Character> candidates(String typed) {
        String key = typed.strip().toLowerCase(Locale.ROOT);
        if (key.isEmpty() || !key.chars().allMatch(ch -> ch >= 'a' && ch <= 'z')) {
            return List.of();
        }
        TreeMap<String, List<Character>> table = bySyllable.get();
        Set<Character> out = new LinkedHashSet<>(table.getOrDefault(key, List.of()));
        for (var entry : table.tailMap(key, false).entrySet()) {
            if (out.size() >= MAX_CANDIDATES || !entry.getKey().startsWith(key)) {
                break;
            }
            out.addAll(entry.getValue());
        }
        return out.stream().limit(MAX_CANDIDATES).toList();
    }
}
