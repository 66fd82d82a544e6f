package org.bianmin.cache.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.ServiceItem;

/**
 * An immutable in-memory index of one catalogue version. Every searchable text of an item (name, synonyms,
 * department name and short name, implementation and basic code, and the English of the name and the department)
 * is folded and expanded into variants: the characters, the full pinyin and the pinyin initials (for polyphonic
 * characters, up to {@value #MAX_READINGS} reading combinations); a text of several Latin words is also found by
 * the start of each word that is not a stop word ({@code card} finds "Replacement of ID card" as a prefix).
 *
 * <p>Results are ranked by {@link MatchKind}, then by which text matched (the item's own name before a synonym,
 * a synonym before the department or a code: typing {@code wf} means 无犯罪记录证明开具 more than the synonym 无房证明
 * of another item), then by popularity. Items are numbered by popularity (most popular first), so every list of
 * item ids is already in ranking order within a kind and text. A query is answered in up to three phases:
 * (1) exact, prefix and initials matches from a sorted array of all variants (one binary search, then a scan of
 * the matching range); only if those give fewer than the requested results, (2) mixed partial pinyin
 * ({@code shehbx}), checked item by item in popularity order, and (3) substring matches, taken in popularity order
 * from the intersection of the query's bigram postings; both verified until enough are found.
 */
public final class SearchIndex {

    static final int MAX_READINGS = 8;

    /** Package-private for {@link SearchFormsCodec}: the stored forms name their kind by ordinal. */
    enum VariantKind {
        TEXT, PINYIN, INITIALS,
        /** A Latin text from its second, third… word on (an English name): found by any word's start. */
        WORD
    }

    /** Words an English name is not looked up by: "of" in "Replacement of ID card" starts no search. */
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "at", "by", "for", "from", "in", "of",
            "on", "or", "the", "to", "with");

    /** Which text of an item a variant comes from, best first (the ranking's second key). */
    private enum Field { NAME, SYNONYM, DEPARTMENT, CODE }

    private static final int FIELDS = Field.values().length;

    /** {@code starts}: offsets where pinyin syllables begin (PINYIN only). */
    record Variant(String text, VariantKind kind, int[] starts, String source) {}

    private static final int[] NONE = new int[0];
    private static final MatchKind[] KINDS = MatchKind.values();

    /** By item id: most popular first. */
    private final ServiceItem[] items;
    private final Variant[][] variants;
    /** All variants sorted by text; {@code termVariant[i]} is the index into {@code variants[termItem[i]]}. */
    private final String[] terms;
    private final int[] termItem;
    private final int[] termVariant;
    /** {@link VariantKind} ordinal of each term. */
    private final byte[] termKind;
    /** {@link Field} ordinal of each term (per item: one text can be a name here and a synonym there). */
    private final byte[] termField;
    private final Map<String, int[]> grams;
    /** Each searchable text's variants: what {@link SearchIndexStore} keeps so a restart skips the pinyin work. */
    private final Map<String, List<Variant>> forms;

    private static final byte TEXT = (byte) VariantKind.TEXT.ordinal();
    private static final byte INITIALS = (byte) VariantKind.INITIALS.ordinal();
    private static final byte WORD = (byte) VariantKind.WORD.ordinal();

    private SearchIndex(ServiceItem[] items, Variant[][] variants, String[] terms, int[] termItem, int[] termVariant,
                        byte[] termField, Map<String, int[]> grams, Map<String, List<Variant>> forms) {
        this.items = items;
        this.variants = variants;
        this.terms = terms;
        this.termItem = termItem;
        this.termVariant = termVariant;
        this.termField = termField;
        this.termKind = new byte[terms.length];
        for (int i = 0; i < terms.length; i++) {
            termKind[i] = (byte) variants[termItem[i]][termVariant[i]].kind().ordinal();
        }
        this.grams = grams;
        this.forms = forms;
    }

    public static SearchIndex empty() {
        return build(List.of(), Map.of(), SearchIndex::variants);
    }

    /** Folds and expands every text into its pinyin forms (the slow part: pinyin and ICU data). */
    public static SearchIndex build(Catalogue catalogue) {
        return build(catalogue.items(), departments(catalogue), SearchIndex::variants);
    }

    /**
     * The index of {@code catalogue} from forms expanded earlier ({@link #forms()}) by this build's folding and
     * pinyin, without expanding anything; {@link MissingFormException} if a text of the catalogue has none.
     */
    static SearchIndex withForms(Catalogue catalogue, Map<String, List<Variant>> forms) throws MissingFormException {
        Map<String, Catalogue.Department> departments = departments(catalogue);
        for (ServiceItem item : catalogue.items()) {
            for (String source : sources(item, departments).keySet()) {
                if (!forms.containsKey(source)) {
                    throw new MissingFormException(source);
                }
            }
        }
        return build(catalogue.items(), departments, forms::get);
    }

    /** A text of the catalogue that the stored forms do not cover: they belong to another catalogue. */
    static final class MissingFormException extends Exception {
        MissingFormException(String source) {
            super("no stored search forms for the text \"" + source + "\"");
        }
    }

    Map<String, List<Variant>> forms() {
        return forms;
    }

    private static Map<String, Catalogue.Department> departments(Catalogue catalogue) {
        Map<String, Catalogue.Department> departments = new HashMap<>();
        catalogue.departments().forEach(d -> departments.put(d.code(), d));
        return departments;
    }

    /** An item's searchable texts, each with the best field it is (a synonym equal to the name is the name). */
    private static Map<String, Field> sources(ServiceItem item, Map<String, Catalogue.Department> departments) {
        // Insertion order keeps a text's best field when it recurs.
        Map<String, Field> sources = new java.util.LinkedHashMap<>();
        sources.putIfAbsent(item.name(), Field.NAME);
        putIfPresent(sources, item.english().name(), Field.NAME);
        item.synonyms().forEach(s -> sources.putIfAbsent(s, Field.SYNONYM));
        Catalogue.Department d = departments.get(item.department());
        if (d != null) {
            sources.putIfAbsent(d.name(), Field.DEPARTMENT);
            sources.putIfAbsent(d.shortName(), Field.DEPARTMENT);
            if (d.en() != null) {
                putIfPresent(sources, d.en().name(), Field.DEPARTMENT);
                putIfPresent(sources, d.en().shortName(), Field.DEPARTMENT);
            }
        }
        sources.putIfAbsent(item.code(), Field.CODE);
        sources.putIfAbsent(item.basicCode(), Field.CODE);
        return sources;
    }

    private static void putIfPresent(Map<String, Field> sources, String text, Field field) {
        if (text != null) {
            sources.putIfAbsent(text, field);
        }
    }

    private static SearchIndex build(List<ServiceItem> catalogueItems, Map<String, Catalogue.Department> departments,
                                     Function<String, List<Variant>> expand) {
        ServiceItem[] items = catalogueItems.stream()
                .sorted(Comparator.comparingInt(ServiceItem::popularity).reversed().thenComparing(ServiceItem::code))
                .toArray(ServiceItem[]::new);
        Variant[][] variants = new Variant[items.length][];
        Map<String, IntList> grams = new HashMap<>();
        Map<String, List<Variant>> used = new HashMap<>();
        record Term(String text, int item, int variant, Field field) {}
        List<Term> terms = new ArrayList<>();
        for (int id = 0; id < items.length; id++) {
            ServiceItem item = items[id];
            List<Variant> list = new ArrayList<>();
            List<Field> fields = new ArrayList<>();
            sources(item, departments).forEach((source, field) -> {
                // Department names recur on every item of the department: expand each text once per build.
                List<Variant> forms = used.computeIfAbsent(source, expand);
                list.addAll(forms);
                forms.forEach(f -> fields.add(field));
            });
            variants[id] = list.toArray(Variant[]::new);
            for (int v = 0; v < list.size(); v++) {
                String t = list.get(v).text();
                terms.add(new Term(t, id, v, fields.get(v)));
                for (int i = 0; i < t.length(); i++) {
                    addPosting(grams, t.substring(i, i + 1), id);
                    if (i + 2 <= t.length()) {
                        addPosting(grams, t.substring(i, i + 2), id);
                    }
                }
            }
        }
        terms.sort(Comparator.comparing(Term::text));
        Map<String, int[]> gramArrays = new HashMap<>(grams.size() * 2);
        grams.forEach((k, v) -> gramArrays.put(k, v.toArray()));
        byte[] termField = new byte[terms.size()];
        for (int i = 0; i < termField.length; i++) {
            termField[i] = (byte) terms.get(i).field().ordinal();
        }
        return new SearchIndex(items, variants, terms.stream().map(Term::text).toArray(String[]::new),
                terms.stream().mapToInt(Term::item).toArray(), terms.stream().mapToInt(Term::variant).toArray(),
                termField, gramArrays, Map.copyOf(used));
    }

    /** Ids arrive in increasing order, so a repeat for the same item is always the last entry. */
    private static void addPosting(Map<String, IntList> grams, String gram, int id) {
        IntList posting = grams.computeIfAbsent(gram, k -> new IntList());
        if (posting.size() == 0 || posting.get(posting.size() - 1) != id) {
            posting.add(id);
        }
    }

    /** The folded forms a text is found under: its characters, full pinyin and initials (for an SQL peer). */
    public static List<String> searchForms(String source) {
        return variants(source).stream().map(Variant::text).toList();
    }

    private static List<Variant> variants(String source) {
        String folded = ChineseText.fold(source);
        if (folded.isEmpty()) {
            return List.of();
        }
        List<Variant> out = new ArrayList<>();
        out.add(new Variant(folded, VariantKind.TEXT, NONE, source));
        if (folded.codePoints().noneMatch(ChineseText::isHan)) {
            out.addAll(laterWords(source));
            return out;
        }
        Set<String> initials = new LinkedHashSet<>();
        for (List<String> combination : combinations(ChineseText.readings(folded))) {
            StringBuilder full = new StringBuilder();
            StringBuilder first = new StringBuilder();
            int[] starts = new int[combination.size()];
            for (int i = 0; i < combination.size(); i++) {
                starts[i] = full.length();
                full.append(combination.get(i));
                first.append(combination.get(i).charAt(0));
            }
            out.add(new Variant(full.toString(), VariantKind.PINYIN, starts, source));
            initials.add(first.toString());
        }
        initials.forEach(i -> out.add(new Variant(i, VariantKind.INITIALS, NONE, source)));
        return out;
    }

    /** The folded tails of a Latin text starting at its second, third… word, stop words skipped. */
    private static List<Variant> laterWords(String source) {
        String[] words = source.split("[^\\p{L}\\p{N}]+");
        List<Variant> out = new ArrayList<>();
        StringBuilder tail = new StringBuilder();
        for (int i = words.length - 1; i >= 1; i--) {
            tail.insert(0, words[i]);
            String word = ChineseText.fold(words[i]);
            if (!word.isEmpty() && !STOP_WORDS.contains(word)) {
                out.add(new Variant(ChineseText.fold(tail.toString()), VariantKind.WORD, NONE, source));
            }
        }
        return out.reversed();
    }

    /**
     * Reading combinations, at most {@link #MAX_READINGS}. Built reading-major, so every combination of the most
     * common readings comes before any alternative and survives the cap.
     */
    private static List<List<String>> combinations(List<List<String>> readings) {
        List<List<String>> result = List.of(List.of());
        for (List<String> options : readings) {
            List<List<String>> next = new ArrayList<>();
            fill:
            for (String option : options) {
                for (List<String> prefix : result) {
                    if (next.size() == MAX_READINGS) {
                        break fill;
                    }
                    List<String> extended = new ArrayList<>(prefix);
                    extended.add(option);
                    next.add(extended);
                }
            }
            result = next;
        }
        return result;
    }

    public int size() {
        return items.length;
    }

    /**
     * Items matching {@code query}, best first: by {@link MatchKind}, then by the text that matched (name, synonym,
     * department, code), then popularity, then code.
     */
    public List<SearchHit> search(String query, int limit) {
        String q = ChineseText.fold(query);
        if (q.isEmpty() || limit <= 0) {
            return List.of();
        }
        boolean latin = ChineseText.isLatin(q);
        // Phase 1: exact, prefix and initials matches, best rank per item. Terms equal to q come first in the
        // range of terms starting with q; the loop touches only int/byte arrays.
        int lo = lowerBound(q);
        int equalEnd = upperBound(q, lo);
        int hi = lowerBound(q + Character.MAX_VALUE);
        byte[] best = new byte[items.length]; // rank code (kind, then field) + 1; 0 = no match yet
        int[] bestTerm = new int[items.length];
        IntList matched = new IntList();
        for (int i = lo; i < hi; i++) {
            byte variantKind = termKind[i];
            if (!latin && variantKind != TEXT && variantKind != WORD) {
                continue;
            }
            // Whole initials are as exact as the whole name or its whole pinyin: wfz is 无犯罪, not a start of it.
            // A later word is a start inside the text, never the whole of it.
            MatchKind kind = i < equalEnd && variantKind != WORD ? MatchKind.EXACT
                    : variantKind == INITIALS ? MatchKind.INITIALS : MatchKind.PREFIX;
            byte code = (byte) (kind.ordinal() * FIELDS + termField[i] + 1);
            int id = termItem[i];
            if (best[id] == 0) {
                matched.add(id);
            }
            if (best[id] == 0 || code < best[id]) {
                best[id] = code;
                bestTerm[id] = i;
            }
        }
        List<SearchHit> hits = new ArrayList<>(Math.min(limit, 64));
        for (int id : rank(matched, best, limit)) {
            hits.add(new SearchHit(items[id], KINDS[(best[id] - 1) / FIELDS],
                    variants[id][termVariant[bestTerm[id]]].source()));
        }
        // Phase 2: full and partial syllables mixed (shehbx → 社会保险), in popularity order, until enough.
        if (hits.size() < limit && latin && q.length() > 1) {
            for (int id = 0; id < items.length && hits.size() < limit; id++) {
                if (best[id] == 0) {
                    String source = partialPinyinMatch(variants[id], q);
                    if (source != null) {
                        best[id] = -1;
                        hits.add(new SearchHit(items[id], MatchKind.PARTIAL_PINYIN, source));
                    }
                }
            }
        }
        // Phase 3: substring matches, in popularity order, until enough. A single Latin letter only looks for starts.
        if (hits.size() < limit && !(latin && q.length() == 1)) {
            for (int id : candidates(q)) {
                if (best[id] == 0) {
                    String source = substringMatch(variants[id], q, latin);
                    if (source != null) {
                        hits.add(new SearchHit(items[id], MatchKind.SUBSTRING, source));
                        if (hits.size() == limit) {
                            break;
                        }
                    }
                }
            }
        }
        return hits;
    }

    /**
     * The best {@code limit} of the matched ids by (rank code, id). Few matches are sorted; many (a one-letter
     * query) are picked by walking the ids in popularity order once per code, which is cheaper than sorting
     * thousands.
     */
    private int[] rank(IntList matched, byte[] best, int limit) {
        int n = matched.size();
        if (n <= 256) {
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                int id = matched.get(i);
                keys[i] = (long) best[id] << 32 | id;
            }
            Arrays.sort(keys);
            return Arrays.stream(keys).limit(limit).mapToInt(k -> (int) k).toArray();
        }
        IntList ranked = new IntList();
        for (int code = 1; code <= KINDS.length * FIELDS && ranked.size() < limit; code++) {
            for (int id = 0; id < best.length && ranked.size() < limit; id++) {
                if (best[id] == code) {
                    ranked.add(id);
                }
            }
        }
        return ranked.toArray();
    }

    /**
     * The source of the first pinyin variant that {@code q} spells from its start with each syllable written in
     * full or cut short ({@code shehbx}: she, h, b, x), or null. Syllables are tried longest first; dead ends are
     * remembered, so one variant costs at most (letters × syllables × longest syllable) steps.
     */
    private static String partialPinyinMatch(Variant[] variants, String q) {
        for (Variant v : variants) {
            if (v.kind() == VariantKind.PINYIN
                    && spells(v, q, 0, 0, new java.util.BitSet((q.length() + 1) * (v.starts().length + 1)))) {
                return v.source();
            }
        }
        return null;
    }

    private static boolean spells(Variant v, String q, int from, int syllable, java.util.BitSet deadEnds) {
        if (from == q.length()) {
            return true;
        }
        int syllables = v.starts().length;
        int state = from * (syllables + 1) + syllable;
        if (syllable == syllables || deadEnds.get(state)) {
            return false;
        }
        int start = v.starts()[syllable];
        int end = syllable + 1 < syllables ? v.starts()[syllable + 1] : v.text().length();
        for (int take = Math.min(end - start, q.length() - from); take >= 1; take--) {
            if (v.text().regionMatches(start, q, from, take) && spells(v, q, from + take, syllable + 1, deadEnds)) {
                return true;
            }
        }
        deadEnds.set(state);
        return false;
    }

    /** First index at or after {@code from} whose term is greater than {@code q}. */
    private int upperBound(String q, int from) {
        int lo = from;
        int hi = terms.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (terms[mid].compareTo(q) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int lowerBound(String q) {
        int lo = 0;
        int hi = terms.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (terms[mid].compareTo(q) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int[] candidates(String q) {
        int n = q.length() == 1 ? 1 : q.length() - 1;
        int[][] lists = new int[n][];
        for (int i = 0; i < n; i++) {
            int[] posting = grams.get(q.length() == 1 ? q : q.substring(i, i + 2));
            if (posting == null) {
                return NONE;
            }
            lists[i] = posting;
        }
        Arrays.sort(lists, Comparator.comparingInt(a -> a.length));
        int[] result = lists[0];
        for (int i = 1; i < lists.length && result.length > 0; i++) {
            result = intersect(result, lists[i]);
        }
        return result;
    }

    private static int[] intersect(int[] a, int[] b) {
        int[] out = new int[Math.min(a.length, b.length)];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                out[k++] = a[i];
                i++;
                j++;
            }
        }
        return Arrays.copyOf(out, k);
    }

    /** The source of the first variant containing {@code q} (pinyin: at a syllable start), or null. */
    private static String substringMatch(Variant[] variants, String q, boolean latin) {
        for (Variant v : variants) {
            boolean contains = switch (v.kind()) {
                case TEXT -> v.text().contains(q);
                case PINYIN -> latin && containsAtSyllable(v, q);
                case INITIALS -> latin && v.text().contains(q);
                case WORD -> false; // the whole text's TEXT variant holds every substring already
            };
            if (contains) {
                return v.source();
            }
        }
        return null;
    }

    private static boolean containsAtSyllable(Variant v, String q) {
        for (int start : v.starts()) {
            if (v.text().startsWith(q, start)) {
                return true;
            }
        }
        return false;
    }

    /** A growable int array; item ids are added in increasing order, so postings come out sorted. */
    private static final class IntList {
        private int[] values = new int[4];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        int get(int index) {
            return values[index];
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
