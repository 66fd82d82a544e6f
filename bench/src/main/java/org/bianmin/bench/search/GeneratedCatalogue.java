package org.bianmin.bench.search;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.ServiceItem;

/**
 * A deterministic catalogue of any size with realistic names: qualifier + subject + action (个人 + 社会保险 + 登记),
 * short-form synonyms (社保登记), 30 departments and skewed popularity.
 */
final class GeneratedCatalogue {

    private static final String BODY = "11350102003612345Y";
    private static final String[] QUALIFIERS = {"", "个人", "单位", "城乡居民", "灵活就业人员", "企业", "外籍人员",
            "退休人员", "新生儿", "港澳台居民", "残疾人", "困难群众"};
    /** Subject, its everyday short form (or null), its department index. */
    private static final String[][] SUBJECTS = {
            {"社会保险", "社保", "0"}, {"社会保障卡", "社保卡", "0"}, {"失业保险金", "失业金", "0"},
            {"养老保险", "养老", "0"}, {"工伤保险", "工伤", "0"}, {"医疗保险", "医保", "1"}, {"生育保险", "生育险", "1"},
            {"居民身份证", "身份证", "2"}, {"户口", "户籍", "2"}, {"机动车驾驶证", "驾照", "3"}, {"机动车行驶证", "行驶证", "3"},
            {"住房公积金", "公积金", "4"}, {"营业执照", "执照", "5"}, {"食品经营许可证", "食品许可", "5"},
            {"不动产权证书", "房产证", "6"}, {"出生医学证明", "出生证", "7"}, {"结婚登记", "结婚证", "8"},
            {"残疾人证", null, "9"}, {"普通护照", "护照", "10"}, {"往来港澳通行证", "港澳通行证", "10"},
            {"建筑工程施工许可", "施工许可", "11"}, {"个体工商户", "个体户", "5"}, {"税务登记", "税务", "12"},
            {"退役军人优待证", "优待证", "13"}, {"最低生活保障", "低保", "14"}, {"长期护理保险", "长护险", "1"},
            {"职业资格证书", "职业证书", "0"}, {"道路运输证", null, "15"}, {"排水许可", null, "16"},
            {"燃气经营许可", "燃气许可", "17"}};
    private static final String[] ACTIONS = {"申领", "换领", "补领", "注销", "变更", "查询", "提取", "转移", "登记",
            "打印", "审批", "备案", "年审", "迁移", "证明开具", "待遇申请", "信息修改", "挂失"};
    private static final String[][] DEPARTMENTS = {
            {"rsj", "人力资源和社会保障局", "人社"}, {"ybj", "医疗保障局", "医保"}, {"gaj", "公安局", "公安"},
            {"jjzd", "公安交警支队", "交警"}, {"gjj", "住房公积金中心", "公积金"}, {"scjg", "市场监督管理局", "市场监管"},
            {"zrzy", "自然资源局", "自然资源"}, {"wjw", "卫生健康委员会", "卫健"}, {"mzj", "民政局婚姻登记处", "婚姻登记"},
            {"cl", "残疾人联合会", "残联"}, {"crj", "出入境管理局", "出入境"}, {"zjj", "住房和城乡建设局", "住建"},
            {"swj", "税务局", "税务"}, {"tyjr", "退役军人事务局", "退役军人"}, {"mzdb", "民政局社会救助科", "社会救助"},
            {"jtj", "交通运输局", "交通"}, {"swuj", "水务局", "水务"}, {"cgj", "城市管理局", "城管"},
            {"jyj", "教育局", "教育"}, {"wlj", "文化和旅游局", "文旅"}, {"nyj", "农业农村局", "农业"},
            {"hbj", "生态环境局", "环保"}, {"sfj", "司法局", "司法"}, {"tjj", "统计局", "统计"},
            {"yjj", "应急管理局", "应急"}, {"lyj", "林业局", "林业"}, {"kjj", "科学技术局", "科技"},
            {"gxj", "工业和信息化局", "工信"}, {"szj", "数据管理局", "数据"}, {"dag", "档案馆", "档案"}};

    private GeneratedCatalogue() {}

    static Catalogue generate(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Catalogue.Department> departments = new ArrayList<>();
        for (int i = 0; i < DEPARTMENTS.length; i++) {
            departments.add(new Catalogue.Department(DEPARTMENTS[i][0], DEPARTMENTS[i][1], DEPARTMENTS[i][2], i));
        }
        List<ServiceItem> items = new ArrayList<>(size);
        for (int n = 0; n < size; n++) {
            String qualifier = QUALIFIERS[random.nextInt(QUALIFIERS.length)];
            String[] subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
            String action = ACTIONS[random.nextInt(ACTIONS.length)];
            String name = qualifier + subject[0] + action + (n >= SUBJECTS.length * ACTIONS.length ? "（" + n + "）" : "");
            List<String> synonyms = subject[1] == null ? List.of() : List.of(subject[1] + action);
            String department = DEPARTMENTS[Integer.parseInt(subject[2])][0];
            // Skewed demand: a few items are asked for far more than the rest.
            int popularity = (int) Math.floor(1000 * Math.pow(random.nextDouble(), 4));
            items.add(item(String.format("%06d", n), name, synonyms, department, popularity));
        }
        return new Catalogue(Catalogue.FORMAT, 1, OffsetDateTime.of(2026, 11, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8)),
                new Catalogue.Region("350102", "福州市鼓楼区"),
                new Catalogue.Hall("鼓楼区行政服务中心", "福州市鼓楼区某路1号", "0591-87654321", "工作日 9:00-17:00"),
                departments, List.of(), items);
    }

    private static ServiceItem item(String suffix, String name, List<String> synonyms, String department,
                                    int popularity) {
        return new ServiceItem(BODY + suffix, "G" + suffix, name, synonyms, ServiceItem.ItemType.PUBLIC_SERVICE,
                department, new ServiceItem.ImplementingBody("福州市鼓楼区", BODY),
                List.of(ServiceItem.ServiceObject.PERSON), List.of("依据"), List.of("条件"), List.of(), List.of(),
                ServiceItem.HandlingType.PROMISED,
                new ServiceItem.TimeLimit(20, ServiceItem.TimeLimit.Unit.WORKING_DAYS),
                new ServiceItem.TimeLimit(10, ServiceItem.TimeLimit.Unit.WORKING_DAYS),
                new ServiceItem.Fee(true, "不收费", null), 1, "大厅", "工作日", "0591-87654321", null, false,
                new ServiceItem.Result(ServiceItem.Result.ResultType.INFORMATION, "结果"), popularity, null);
    }
}
