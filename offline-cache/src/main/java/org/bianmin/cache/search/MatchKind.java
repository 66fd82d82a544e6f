package org.bianmin.cache.search;

/** How a query matched an item, best first; results are ranked by this, then by popularity. */
public enum MatchKind {
    /** The whole name, synonym, department or code, in characters, in full pinyin or in pinyin initials. */
    EXACT,
    /** The start of a text or of its full pinyin ({@code shebao} → 社保卡). */
    PREFIX,
    /** The start of the pinyin initials ({@code sbk} → 社保卡). */
    INITIALS,
    /** The start of the pinyin with each syllable in full or cut short ({@code shehbx} → 社会保险登记). */
    PARTIAL_PINYIN,
    /** Anywhere inside a text, at a syllable start inside its pinyin, or inside its initials. */
    SUBSTRING
}
