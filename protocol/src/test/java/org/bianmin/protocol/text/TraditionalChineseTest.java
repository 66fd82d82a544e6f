package org.bianmin.protocol.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.ArrayList;
import java.util.List;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraditionalChineseTest {

    /** Government phrases, as a Taiwan reader expects them; the first group is what ICU alone gets wrong. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            身份证复印件一份|身份證複印件一份
            经核实后补发|經核實後補發
            合伙企业（普通合伙）|合夥企業（普通合夥）
            咨询电话|諮詢電話
            社会保险参保缴费情况汇总|社會保險參保繳費情況彙總
            公安部关于启用和规范|公安部關於啟用和規範
            损坏的一并交回|損壞的一併交回
            准生证|準生證
            核准后由签发机构补发，并注明补发|核准後由簽發機構補發，並註明補發
            委托代理人|委託代理人
            亲子鉴定证明|親子鑑定證明
            居民身份证换领|居民身份證換領
            户口迁移|戶口遷移
            港澳台居民居住证签注|港澳台居民居住證簽注
            商品房合同网签备案|商品房合同網簽備案
            社会保障卡申领|社會保障卡申領
            住房公积金提取|住房公積金提取
            临时挂失|臨時掛失
            办理结果将以短信通知|辦理結果將以短信通知
            无犯罪记录证明开具|無犯罪記錄證明開具
            """)
    void convertsGovernmentPhrases(String simplified, String traditional) {
        assertThat(TraditionalChinese.of(simplified)).isEqualTo(traditional);
    }

    @Test
    void leavesTraditionalLatinAndDigitsAlone() {
        assertThat(TraditionalChinese.of("Hall 3, 0591-87530000")).isEqualTo("Hall 3, 0591-87530000");
        assertThat(TraditionalChinese.of("居民身份證複印件")).isEqualTo("居民身份證複印件");
        assertThat(TraditionalChinese.of(null)).isNull();
        assertThat(TraditionalChinese.of("")).isEmpty();
    }

    /**
     * Every text of the sample catalogue comes out in characters Taiwan's Big5 charset has: simplified-only
     * characters (证, 们, 办) are not in it.
     */
    @Test
    void sampleCatalogueHasNoSimplifiedOnlyCharacterLeft() {
        JsonNode tree = CatalogueReader.mapper().valueToTree(new CatalogueReader().readSample());
        List<String> texts = new ArrayList<>();
        collect(tree, texts);
        CharsetEncoder big5 = Charset.forName("Big5").newEncoder();
        List<String> left = texts.stream().map(TraditionalChinese::of)
                .filter(t -> t.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                        && !big5.canEncode(Character.toString(cp))))
                .toList();
        assertThat(left).isEmpty();
        assertThat(texts).hasSizeGreaterThan(500);
    }

    private static void collect(JsonNode node, List<String> texts) {
        if (node.isTextual()) {
            texts.add(node.asText());
        }
        node.forEach(child -> collect(child, texts));
    }
}
