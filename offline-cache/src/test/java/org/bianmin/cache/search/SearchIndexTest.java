package org.bianmin.cache.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.bianmin.cache.TestCatalogues;
import org.bianmin.cache.catalogue.CatalogueSignature;
import org.bianmin.cache.catalogue.CatalogueStore;
import org.bianmin.cache.db.Database;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.catalogue.ServiceItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchIndexTest {

    private final SearchIndex index = SearchIndex.build(TestCatalogues.catalogue(1));

    private List<String> names(String query) {
        return index.search(query, 20).stream().map(h -> h.item().name()).toList();
    }

    private List<MatchKind> kinds(String query) {
        return index.search(query, 20).stream().map(SearchHit::kind).toList();
    }

    @Test
    void pinyinInitialsFindSocialInsuranceItems() {
        // The name that starts with 社保 first, then the names found by a synonym (社保卡, 社保登记).
        assertThat(names("sb")).containsExactly("社保缴费证明打印", "社会保障卡申领", "社会保险登记");
        assertThat(kinds("sb")).containsOnly(MatchKind.INITIALS);
    }

    @Test
    void fullPinyinFindsTheSameItems() {
        assertThat(names("shebao")).containsExactly("社保缴费证明打印", "社会保障卡申领", "社会保险登记");
        assertThat(kinds("shebao")).containsOnly(MatchKind.PREFIX);
        assertThat(names("SheBao")).isEqualTo(names("shebao"));
        assertThat(names("ｓｈｅｂａｏ")).as("full-width input").isEqualTo(names("shebao"));
    }

    @Test
    void exactBeatsPrefixBeatsInitialsBeatsSubstringThenPopularity() {
        List<SearchHit> hits = index.search("社保卡", 10);
        assertThat(hits.getFirst().item().name()).isEqualTo("社会保障卡申领");
        assertThat(hits.getFirst().kind()).isEqualTo(MatchKind.EXACT);
        assertThat(hits.getFirst().matchedText()).isEqualTo("社保卡");

        assertThat(names("保险")).containsExactly("社会保险登记", "医疗保险关系转移", "失业保险金申领", "长期护理保险待遇申请");
        assertThat(kinds("保险")).containsOnly(MatchKind.SUBSTRING);

        // Both names start with 社会 (the more popular first); the department 人力资源和社会保障局 only contains it.
        assertThat(index.search("社会", 10)).extracting(h -> h.item().name(), SearchHit::kind).containsExactly(
                tuple("社会保障卡申领", MatchKind.PREFIX),
                tuple("社会保险登记", MatchKind.PREFIX),
                tuple("社保缴费证明打印", MatchKind.SUBSTRING),
                tuple("失业保险金申领", MatchKind.SUBSTRING));
        // sbdj: the whole initials of the synonym 社保登记 (exact); "dj" only inside initials elsewhere.
        assertThat(index.search("sbdj", 5)).extracting(h -> h.item().name(), SearchHit::kind)
                .containsExactly(tuple("社会保险登记", MatchKind.EXACT));
        assertThat(index.search("sbd", 5)).extracting(h -> h.item().name(), SearchHit::kind)
                .containsExactly(tuple("社会保险登记", MatchKind.INITIALS));
    }

    @Test
    void traditionalInputIsFoldedToSimplified() {
        assertThat(index.search("身份證", 5).getFirst()).satisfies(h -> {
            assertThat(h.item().name()).isEqualTo("居民身份证换领");
            assertThat(h.kind()).isEqualTo(MatchKind.EXACT);
        });
        assertThat(names("駕駛證")).containsExactly("机动车驾驶证换证");
        assertThat(names("社會保險")).containsExactly("社会保险登记");
    }

    @Test
    void departmentsCodesAndPolyphonicCharactersAreSearchable() {
        assertThat(names("公安")).containsExactly("居民身份证换领", "机动车驾驶证换证");
        assertThat(names("gongjijin")).containsExactly("住房公积金提取");
        assertThat(kinds("gongjijin")).containsExactly(MatchKind.EXACT);
        assertThat(names(TestCatalogues.BODY + "3005")).containsExactly("机动车驾驶证换证");
        assertThat(names("b3005")).containsExactly("机动车驾驶证换证");
        // 长 reads zhang (most common in pinyin4j) or chang; both are indexed.
        assertThat(names("changqi")).containsExactly("长期护理保险待遇申请");
        assertThat(names("cqhl")).containsExactly("长期护理保险待遇申请");
        assertThat(names("zqhl")).containsExactly("长期护理保险待遇申请");
    }

    @Test
    void aSingleLetterOnlyMatchesStartsAndNothingMatchesNothing() {
        assertThat(kinds("j")).isNotEmpty().doesNotContain(MatchKind.SUBSTRING);
        assertThat(names("j")).contains("居民身份证换领", "机动车驾驶证换证");
        assertThat(names("zzzz")).isEmpty();
        assertThat(names("  ")).isEmpty();
        assertThat(names("火星")).isEmpty();
        assertThat(index.search("sb", 1)).hasSize(1);
    }

    @Test
    void theBundledSampleFindsItsSocialInsuranceItems() {
        SearchIndex sample = SearchIndex.build(new CatalogueReader().readSample());
        for (String query : List.of("shebao", "sb", "社保", "社會保險")) {
            List<SearchHit> hits = sample.search(query, 3);
            // Each hit is found by a name or synonym about social insurance (社保…, 社会保…), whatever its department.
            assertThat(hits).as(query).isNotEmpty().allSatisfy(h -> assertThat(h.matchedText())
                    .as("%s finds %s", query, h.item().name()).containsAnyOf("社保", "社会保"));
        }
    }

    private final SearchIndex sample = SearchIndex.build(new CatalogueReader().readSample());

    private List<String> sampleNames(String query) {
        return sample.search(query, 10).stream().map(h -> h.item().name()).toList();
    }

    @Test
    void theInitialsOfAnItemsOwnNameRankAboveThoseOfAnotherItemsSynonym() {
        // 个人住房信息查询 (more popular) has the synonym 无房证明: wfzm.
        assertThat(sampleNames("wf").getFirst()).isEqualTo("无犯罪记录证明开具");
        assertThat(sampleNames("WFZ").getFirst()).isEqualTo("无犯罪记录证明开具");
        assertThat(sampleNames("wf")).contains("个人住房信息查询");
        // Whole initials are an exact match, above the start of longer initials.
        assertThat(sample.search("wfzm", 10).getFirst()).satisfies(h -> {
            assertThat(h.item().name()).isEqualTo("个人住房信息查询");
            assertThat(h.kind()).isEqualTo(MatchKind.EXACT);
            assertThat(h.matchedText()).isEqualTo("无房证明");
        });
        assertThat(index.search("sbk", 10).getFirst().kind()).isEqualTo(MatchKind.EXACT);
    }

    /** An English-reading citizen types English: the catalogue's English names and departments are searched. */
    @Test
    void englishNamesAreFoundByTheirStartAndByAnyWordsStart() {
        assertThat(sample.search("Certificate of No Criminal Record", 10).getFirst()).satisfies(h -> {
            assertThat(h.item().name()).isEqualTo("无犯罪记录证明开具");
            assertThat(h.kind()).isEqualTo(MatchKind.EXACT);
            assertThat(h.matchedText()).isEqualTo("Certificate of No Criminal Record");
        });
        assertThat(sampleNames("criminal")).first().isEqualTo("无犯罪记录证明开具");
        assertThat(sample.search("criminal", 10).getFirst().kind()).as("a later word's start is a prefix")
                .isEqualTo(MatchKind.PREFIX);
        // Every item whose English has a word starting "passport"… or "social security card": no stop words needed.
        assertThat(sampleNames("social security card")).contains("社会保障卡申领", "社会保障卡挂失", "社会保障卡补换");
        assertThat(sampleNames("identity card")).startsWith("居民身份证换领", "居民身份证补领");
        // A department's English finds its items; a stop word starts no word match.
        assertThat(sampleNames("public security")).isNotEmpty();
        assertThat(sample.search("of", 64)).filteredOn(h -> h.item().name().equals("无犯罪记录证明开具"))
                .extracting(SearchHit::kind).containsOnly(MatchKind.SUBSTRING);
    }

    @Test
    void wholeFullPinyinRanksFirst() {
        assertThat(sample.search("wufanzuijilu", 10).getFirst()).satisfies(h -> {
            assertThat(h.item().name()).isEqualTo("无犯罪记录证明开具");
            assertThat(h.kind()).isEqualTo(MatchKind.EXACT);
        });
        assertThat(sampleNames("wufangzhengming").getFirst()).isEqualTo("个人住房信息查询");
    }

    @Test
    void fullAndShortenedSyllablesMixedFindTheItem() {
        assertThat(index.search("shehbx", 5)).extracting(h -> h.item().name(), SearchHit::kind)
                .containsExactly(tuple("社会保险登记", MatchKind.PARTIAL_PINYIN));
        assertThat(names("shehuibx")).containsExactly("社会保险登记");
        assertThat(names("shhbaoxdj")).containsExactly("社会保险登记");
        assertThat(names("shehbxz")).as("a letter beyond the last syllable").isEmpty();
        assertThat(kinds("hbx")).as("only from the start").doesNotContain(MatchKind.PARTIAL_PINYIN);
    }

    @Test
    void traditionalInputRanksLikeSimplified() {
        assertThat(sampleNames("無犯罪記錄")).isEqualTo(sampleNames("无犯罪记录"));
        assertThat(sample.search("無犯罪記錄", 10).getFirst()).satisfies(h -> {
            assertThat(h.item().name()).isEqualTo("无犯罪记录证明开具");
            assertThat(h.kind()).isEqualTo(MatchKind.EXACT);
        });
        assertThat(sampleNames("社會保障卡掛失").getFirst()).isEqualTo("社会保障卡挂失");
    }

    @Test
    void theIndexFollowsAppliedVersions(@TempDir Path dir) {
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(dir.resolve("kiosk.db"), clock, a -> {})) {
            CatalogueStore store = new CatalogueStore(db, clock);
            CatalogueSearch search = new CatalogueSearch();
            store.addListener(search);
            assertThat(search.search("sb", 5)).isEmpty();
            store.apply(TestCatalogues.catalogue(1), CatalogueSignature.UNSIGNED);
            assertThat(search.search("xinshixiang", 5)).isEmpty();
            ServiceItem fresh = TestCatalogues.item("3100", "新事项办理", "rsj", 1);
            store.apply(TestCatalogues.catalogue(2, List.of(fresh)), CatalogueSignature.UNSIGNED);
            assertThat(search.search("xinshixiang", 5)).extracting(SearchHit::item).containsExactly(fresh);
            assertThat(search.search("sb", 5)).isEmpty();

            CatalogueSearch late = new CatalogueSearch();
            store.addListener(late);
            assertThat(late.search("xsx", 5)).extracting(SearchHit::item).containsExactly(fresh);
        }
    }
}
