package org.bianmin.device.idcard;

import java.util.Map;
import java.util.Optional;

/** The GB/T 3304 nation (民族) codes printed on resident identity cards. */
public final class Nations {

    private static final String[] NAMES = {
        "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼",
        "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土",
        "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克",
        "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
    };

    /** The names in English as the State Council's publications spell them, in the order of {@link #NAMES}. */
    private static final String[] ENGLISH = {
        "Han", "Mongolian", "Hui", "Tibetan", "Uygur", "Miao", "Yi", "Zhuang", "Bouyei", "Korean", "Manchu", "Dong",
        "Yao", "Bai", "Tujia", "Hani", "Kazak", "Dai", "Li", "Lisu", "Va", "She", "Gaoshan", "Lahu", "Shui",
        "Dongxiang", "Naxi", "Jingpo", "Kirgiz", "Tu", "Daur", "Mulam", "Qiang", "Blang", "Salar", "Maonan", "Gelao",
        "Xibe", "Achang", "Pumi", "Tajik", "Nu", "Uzbek", "Russian", "Ewenki", "De'ang", "Bonan", "Yugur", "Gin",
        "Tatar", "Derung", "Oroqen", "Hezhen", "Monba", "Lhoba", "Jino",
    };

    private static final Map<String, String> OTHERS = Map.of("97", "其他", "98", "外国血统中国籍人士");
    private static final Map<String, String> OTHERS_ENGLISH = Map.of("其他", "Other",
            "外国血统中国籍人士", "Chinese citizen of foreign origin");

    private Nations() {}

    /** The nation named by a two-digit code, e.g. {@code 01} → 汉. */
    public static Optional<String> name(String code) {
        if (code.length() == 2 && Character.isDigit(code.charAt(0)) && Character.isDigit(code.charAt(1))) {
            int n = Integer.parseInt(code);
            if (n >= 1 && n <= NAMES.length) {
                return Optional.of(NAMES[n - 1]);
            }
        }
        return Optional.ofNullable(OTHERS.get(code));
    }

    /** The code of a nation name, for the simulator's JSON cards. */
    public static Optional<String> code(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return Optional.of(String.format("%02d", i + 1));
            }
        }
        return OTHERS.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey).findFirst();
    }

    /** The English name of a nation name off the card, e.g. 汉 → Han; empty for a name not in the table. */
    public static Optional<String> english(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return Optional.of(ENGLISH[i]);
            }
        }
        return Optional.ofNullable(OTHERS_ENGLISH.get(name));
    }
}
