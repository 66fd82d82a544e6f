package org.bianmin.device.font;

import java.util.stream.IntStream;

/**
 * The characters a receipt and the citizen's screens need, as the font resolution checks them: Chinese (a sample
 * of everyday 汉字, 〇 as in dates, full-width punctuation) that the main font must have; ASCII, · and the
 * general punctuation (“” — …, which Droid Sans Fallback lacks) that some font of the set must have; rare surname characters that a font of the set should have where one does.
 */
public final class ReceiptGlyphs {

    /** The main font must have every one of these, or it is not a Chinese font the kiosk can use. */
    public static final String CHINESE = "便民服务受理回执居民身份证换领号码电话时间事项编状态已提交正在办理鼓楼区政中心扫查询进度"
            + "张王李刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜"
            + "〇一二三四五六七八九十年月日时分" + "，。：；、（）《》！？";

    /** Some font of the set must have each: receipt numbers, masked ID numbers, phones, times, item codes. */
    public static final String LATIN = IntStream.rangeClosed(0x21, 0x7e)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + "·“”‘’—…";

    /** Rare characters of names (𠮷 U+20BB7 outside the BMP, 龘): taken from a font that has them, if one does. */
    public static final String RARE = "𠮷龘";

    private ReceiptGlyphs() {}

    /** Every character a font set must cover to be usable. */
    public static String required() {
        return CHINESE + LATIN;
    }
}
