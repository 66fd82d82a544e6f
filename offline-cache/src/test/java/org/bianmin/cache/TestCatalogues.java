package org.bianmin.cache;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.FormDefinition;
import org.bianmin.protocol.catalogue.ServiceItem;

/** Small catalogues for tests, valid against the catalogue schema and its semantic rules. */
public final class TestCatalogues {

    public static final String BODY = "11350102003612345Y";

    private TestCatalogues() {}

    public static ServiceItem item(String suffix, String name, String department, int popularity, String... synonyms) {
        var form = new FormDefinition(List.of(FormDefinition.CardKind.RESIDENT), List.of(
                new FormDefinition.Field("name", "姓名", FormDefinition.FieldType.TEXT, true,
                        FormDefinition.Prefill.NAME, 30, null, List.of(), null)));
        return new ServiceItem(BODY + suffix, "B" + suffix, name, List.of(synonyms),
                ServiceItem.ItemType.PUBLIC_SERVICE, department,
                new ServiceItem.ImplementingBody("福州市鼓楼区" + department, BODY),
                List.of(ServiceItem.ServiceObject.PERSON), List.of("《测试条例》第一条"), List.of("本区户籍居民"),
                List.of("受理", "审核", "办结"),
                List.of(new ServiceItem.Material("居民身份证", ServiceItem.Material.MaterialForm.PAPER, true, 1,
                        "申请人自备", null)),
                ServiceItem.HandlingType.IMMEDIATE,
                new ServiceItem.TimeLimit(20, ServiceItem.TimeLimit.Unit.WORKING_DAYS),
                new ServiceItem.TimeLimit(5, ServiceItem.TimeLimit.Unit.WORKING_DAYS),
                new ServiceItem.Fee(true, "不收费", null), 0, "鼓楼区行政服务中心一楼", "工作日 9:00-17:00",
                "0591-87654321", null, true, new ServiceItem.Result(ServiceItem.Result.ResultType.INFORMATION, "办理结果"),
                popularity, form);
    }

    /** Four departments and a handful of well-known items, with synonyms and a polyphonic character (长). */
    public static Catalogue catalogue(long version) {
        return catalogue(version, List.of(
                item("3001", "社会保险登记", "rsj", 90, "社保登记", "参保登记"),
                item("3002", "社会保障卡申领", "rsj", 120, "社保卡"),
                item("3003", "失业保险金申领", "rsj", 40, "失业金"),
                item("3004", "居民身份证换领", "gaj", 150, "身份证", "换身份证"),
                item("3005", "机动车驾驶证换证", "gaj", 70, "驾照"),
                item("3006", "医疗保险关系转移", "ybj", 50, "医保转移"),
                item("3007", "住房公积金提取", "gjj", 100, "公积金"),
                item("3008", "长期护理保险待遇申请", "ybj", 10),
                item("3009", "社保缴费证明打印", "rsj", 80)));
    }

    public static Catalogue catalogue(long version, List<ServiceItem> items) {
        return new Catalogue(Catalogue.FORMAT, version, OffsetDateTime.of(2026, 11, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8)),
                new Catalogue.Region("350102", "福州市鼓楼区"),
                new Catalogue.Hall("鼓楼区行政服务中心", "福州市鼓楼区某路1号", "0591-87654321", "工作日 9:00-17:00"),
                List.of(new Catalogue.Department("rsj", "人力资源和社会保障局", "人社", 1),
                        new Catalogue.Department("gaj", "公安局", "公安", 0),
                        new Catalogue.Department("ybj", "医疗保障局", "医保", 2),
                        new Catalogue.Department("gjj", "住房公积金中心", "公积金", 3)),
                List.of(new Catalogue.Topic("jiuye", "就业", List.of(items.getFirst().code()))),
                items);
    }
}
