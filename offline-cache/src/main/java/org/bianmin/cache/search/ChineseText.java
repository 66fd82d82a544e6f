package org.bianmin.cache.search;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Text folding and pinyin for search. Folding: NFKC (full-width Latin and digits become ASCII), lower case,
 * Traditional → Simplified (ICU's {@code Traditional-Simplified}), and only letters and digits kept. Pinyin
 * readings come from pinyin4j, without tones, {@code ü} written {@code v} as on a pinyin keyboard.
 */
public final class ChineseText {

    private static final Transliterator TO_SIMPLIFIED = Transliterator.getInstance("Traditional-Simplified");
    /** Per-character conversion, cached: a whole-string ICU transliteration costs ~80 µs per keystroke. */
    private static final ConcurrentHashMap<Integer, String> SIMPLIFIED = new ConcurrentHashMap<>();
    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();
    /** Readings per character, cached: pinyin4j formats every reading on every call. */
    private static final ConcurrentHashMap<Character, List<String>> PINYIN = new ConcurrentHashMap<>();

    static {
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
    }

    private ChineseText() {}

    /** The form both catalogue texts and queries are compared in. */
    public static String fold(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(nfkc.length());
        nfkc.codePoints().filter(Character::isLetterOrDigit).forEach(cp -> {
            if (isHan(cp)) {
                out.append(SIMPLIFIED.computeIfAbsent(cp, ChineseText::simplify));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static String simplify(int cp) {
        synchronized (TO_SIMPLIFIED) {
            return TO_SIMPLIFIED.transliterate(Character.toString(cp));
        }
    }

    static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    static boolean isLatin(String folded) {
        return !folded.isEmpty() && folded.chars().allMatch(c -> c >= 'a' && c <= 'z');
    }

    /** Readings of each character of a folded text: a Han character's pinyin (all, most common first), else itself. */
    static List<List<String>> readings(String folded) {
        List<List<String>> result = new ArrayList<>();
        folded.codePoints().forEach(cp -> {
            List<String> pinyin = isHan(cp) && Character.isBmpCodePoint(cp)
                    ? PINYIN.computeIfAbsent((char) cp, ChineseText::pinyin) : List.of();
            result.add(pinyin.isEmpty() ? List.of(Character.toString(cp)) : pinyin);
        });
        return result;
    }

    private static List<String> pinyin(Character c) {
        try {
            String[] all = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            if (all == null) {
                return List.of();
            }
            Set<String> distinct = new LinkedHashSet<>(List.of(all));
            return List.copyOf(distinct);
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException("the pinyin format above is a valid combination", e);
        }
    }
}
