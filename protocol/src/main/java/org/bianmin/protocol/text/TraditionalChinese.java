package org.bianmin.protocol.text;

import com.ibm.icu.text.Transliterator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Simplified Chinese → Traditional Chinese as written in Taiwan (zh-TW), phrase by phrase: a phrase table for
 * government words that a character-level conversion gets wrong ({@code hant-phrases.txt}: 复印件 → 複印件, not
 * 復印件), ICU's {@code Hans-Hant} transliterator for the rest, then Taiwan's standard character forms where ICU
 * writes another variant (啓 → 啟).
 *
 * <p>Conventions: Taiwan character forms, but no vocabulary localisation: the mainland's names of documents and
 * offices stay what the counter and the certificate say (居民身份證, not Taiwan's 身分證; 港澳台居民居住證 keeps 台).
 * Text that is already Traditional, Latin or digits passes through unchanged.
 *
 * <p>Thread-safe. Limits: a word missing from the table and ambiguous at character level takes ICU's most common
 * reading; the conversion is one-way (search folds Traditional input back with ICU's {@code Traditional-Simplified}).
 */
public final class TraditionalChinese {

    private static final Map<String, String> PHRASES = phrases("hant-phrases.txt");
    private static final int LONGEST = PHRASES.keySet().stream().mapToInt(String::length).max().orElse(0);
    /** Taiwan's standard forms of characters ICU writes in another variant (OpenCC's TWVariants, over GB 2312). */
    private static final Map<Integer, Integer> TAIWAN_FORMS = Map.of(
            (int) '啓', (int) '啟', (int) '痹', (int) '痺', (int) '鉢', (int) '缽', (int) '污', (int) '汙',
            (int) '繮', (int) '韁', (int) '檐', (int) '簷', (int) '齶', (int) '顎');
    private static final Transliterator HANS_HANT = Transliterator.getInstance("Hans-Hant");

    private TraditionalChinese() {}

    /** {@code simplified} in zh-TW Traditional characters; {@code null} stays {@code null}. */
    public static String of(String simplified) {
        if (simplified == null || simplified.chars().allMatch(c -> c < 0x2E80)) {
            return simplified;
        }
        StringBuilder out = new StringBuilder(simplified.length());
        int plainFrom = 0;
        int i = 0;
        while (i < simplified.length()) {
            String phrase = phraseAt(simplified, i);
            if (phrase == null) {
                i++;
                continue;
            }
            out.append(characters(simplified.substring(plainFrom, i))).append(PHRASES.get(phrase));
            i += phrase.length();
            plainFrom = i;
        }
        return out.append(characters(simplified.substring(plainFrom))).toString();
    }

    /** The longest table phrase starting at {@code at}, or null. */
    private static String phraseAt(String text, int at) {
        for (int length = Math.min(LONGEST, text.length() - at); length >= 2; length--) {
            String candidate = text.substring(at, at + length);
            if (PHRASES.containsKey(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static String characters(String text) {
        if (text.isEmpty()) {
            return text;
        }
        String hant;
        synchronized (HANS_HANT) { // an ICU Transliterator is not safe for concurrent use
            hant = HANS_HANT.transliterate(text);
        }
        StringBuilder out = new StringBuilder(hant.length());
        hant.codePoints().forEach(cp -> out.appendCodePoint(TAIWAN_FORMS.getOrDefault(cp, cp)));
        return out.toString();
    }

    private static Map<String, String> phrases(String resource) {
        Map<String, String> table = new HashMap<>();
        try (InputStream in = TraditionalChinese.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("phrase table " + resource + " missing from the build");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] pair = line.split("\t");
                if (pair.length != 2 || pair[0].length() != pair[1].length() || pair[0].length() < 2) {
                    throw new IllegalStateException("bad line in phrase table " + resource + ": " + line);
                }
                table.put(pair[0], pair[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read phrase table " + resource, e);
        }
        return Map.copyOf(table);
    }
}
