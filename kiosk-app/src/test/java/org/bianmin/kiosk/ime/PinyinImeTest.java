package org.bianmin.kiosk.ime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinyinImeTest {

    private static final PinyinIme IME = PinyinIme.load();

    @Test
    void aSyllableGivesItsCommonCharactersFirst() {
        assertThat(IME.candidates("zhang")).contains('张', '章', '长').doesNotContain('中');
        assertThat(IME.candidates("lu")).contains('路', '鲁');
        assertThat(IME.candidates("lv")).contains('绿', '律');
        assertThat(IME.candidates("fu").indexOf('福')).isLessThan(IME.candidates("fu").size());
    }

    @Test
    void aPrefixOffersTheSyllablesItBegins() {
        assertThat(IME.candidates("zh")).isNotEmpty().hasSizeLessThanOrEqualTo(30)
                .startsWith(IME.candidates("zha").getFirst());
        assertThat(IME.candidates("ZHANG")).isEqualTo(IME.candidates("zhang"));
    }

    @Test
    void charactersOfTheKiosksOwnTextComeFirst() {
        PinyinIme local = PinyinIme.load("福州市鼓楼区 福建省 福州 服务");
        assertThat(local.candidates("fu").subList(0, 2)).containsExactly('福', '服');
        assertThat(IME.candidates("fu").getFirst()).isNotEqualTo('福');
    }

    @Test
    void aDeferredImeBuildsItsTableOnlyWhenFirstNeededAndOnce() {
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        PinyinIme deferred = PinyinIme.deferred(() -> {
            reads.incrementAndGet();
            return "福州市鼓楼区 福建省 福州 服务";
        });
        assertThat(reads).as("nothing built at assembly (the start path)").hasValue(0);
        deferred.preload();
        assertThat(reads).hasValue(1);
        assertThat(deferred.candidates("fu").subList(0, 2)).containsExactly('福', '服');
        assertThat(deferred.candidates("zhang")).isEqualTo(IME.candidates("zhang"));
        assertThat(reads).as("built once").hasValue(1);
    }

    @Test
    void anythingElseHasNoCandidates() {
        assertThat(IME.candidates("")).isEmpty();
        assertThat(IME.candidates("123")).isEmpty();
        assertThat(IME.candidates("zh1")).isEmpty();
        assertThat(IME.candidates("xq")).isEmpty();
    }
}
