package com.lead2cash.region.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.pick;
import static org.quicktheories.generators.SourceDSL.integers;

import com.lead2cash.region.Region;
import com.lead2cash.region.RegionLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quicktheories.core.Gen;

/** Free text to administrative division: the readings people write, the traps of the data, the ambiguity policy. */
class RegionResolverTest {

    private static final DivisionCatalog CATALOG = DivisionCatalog.standard();
    private static final RegionResolver RESOLVER = RegionResolver.standard();

    private static Region resolve(String text) {
        return RESOLVER.resolve(text).orElseThrow();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            // written in full, short, with and without the levels above
            "浙江省杭州市, 330100, CITY",
            "杭州, 330100, CITY",
            "杭州市, 330100, CITY",
            "杭州市西湖区, 330106, COUNTY",
            "杭州西湖, 330106, COUNTY",
            "浙江西湖区, 330106, COUNTY",
            "浙江, 330000, PROVINCE",
            "浙江省, 330000, PROVINCE",
            "中国浙江省, 330000, PROVINCE",
            "浙江省 杭州市 西湖区, 330106, COUNTY",
            "浙江/杭州, 330100, CITY",
            "浙江-杭州-西湖, 330106, COUNTY",
            // autonomous regions, short and in full
            "广西壮族自治区南宁市, 450100, CITY",
            "广西, 450000, PROVINCE",
            "广西南宁, 450100, CITY",
            "内蒙古, 150000, PROVINCE",
            "内蒙古自治区呼和浩特市, 150100, CITY",
            "内蒙呼和浩特, 150100, CITY",
            "新疆乌鲁木齐, 650100, CITY",
            "新疆维吾尔自治区, 650000, PROVINCE",
            "西藏拉萨, 540100, CITY",
            "宁夏银川市, 640100, CITY",
            // autonomous prefectures and counties by their short names
            "大理, 532900, CITY",
            "延边, 222400, CITY",
            "博尔塔拉, 652700, CITY",
            "石柱, 500240, COUNTY",
            "黔东南, 522600, CITY",
            // municipalities: placeholder prefectures (市辖区, 县) are skipped
            "上海, 310000, PROVINCE",
            "上海市浦东新区, 310115, COUNTY",
            "上海浦东, 310115, COUNTY",
            "上海市市辖区浦东新区, 310115, COUNTY",
            "北京朝阳区, 110105, COUNTY",
            "北京市朝阳区, 110105, COUNTY",
            "北京朝阳, 110105, COUNTY",
            "天津和平区, 120101, COUNTY",
            "天津滨海新区, 120116, COUNTY",
            "重庆江北区, 500105, COUNTY",
            "重庆市城口县, 500229, COUNTY",
            "重庆市县城口县, 500229, COUNTY",
            // counties directly under a province (省直辖县级行政区划)
            "济源, 419001, COUNTY",
            "河南济源市, 419001, COUNTY",
            "湖北仙桃, 429004, COUNTY",
            "神农架, 429021, COUNTY",
            "新疆石河子市, 659001, COUNTY",
            // prefectures without counties, listed again as their own county
            "东莞, 441900, CITY",
            "广东省东莞市, 441900, CITY",
            "中山市, 442000, CITY",
            "嘉峪关市, 620200, CITY",
            // development zones are counties of their city
            "苏州工业园区, 320576, COUNTY",
            "江苏省苏州市苏州工业园区, 320576, COUNTY",
            "苏州苏州工业园区, 320576, COUNTY",
            "长春经济技术开发区, 220171, COUNTY",
            "河北唐山芦台经济开发区, 130271, COUNTY",
            // a bare name means the biggest division bearing it
            "海南, 460000, PROVINCE",
            "吉林, 220000, PROVINCE",
            "吉林市, 220200, CITY",
            "吉林吉林, 220200, CITY",
            "朝阳, 211300, CITY",
            "辽宁朝阳, 211300, CITY",
            "朝阳市, 211300, CITY",
            "朝阳县, 211321, COUNTY",
            // an address after the division
            "浙江省杭州市西湖区文三路90号, 330106, COUNTY",
            "北京市朝阳区望京SOHO, 110105, COUNTY",
            "广东省深圳市南山区科技园, 440305, COUNTY",
            // codes of 2, 4 and 6 digits; a placeholder prefecture's code is its province
            "330106, 330106, COUNTY",
            "3301, 330100, CITY",
            "33, 330000, PROVINCE",
            "310100, 310000, PROVINCE",
            // full-width characters
            "浙江省　杭州市, 330100, CITY"})
    void freeTextResolvesToTheDivisionItNames(String text, String code, RegionLevel level) {
        Region region = resolve(text);
        assertThat(region.code()).as(text).isEqualTo(code);
        assertThat(region.level()).isEqualTo(level);
        assertThat(region.entered()).isEqualTo(text.chars().allMatch(Character::isDigit) ? region.name() : text.strip());
    }

    @Test
    void aResolvedRegionNamesItsProvinceCityAndCounty() {
        Region xihu = resolve("杭州西湖");
        assertThat(xihu.name()).isEqualTo("浙江省杭州市西湖区");
        assertThat(xihu.provinceName()).isEqualTo("浙江省");
        assertThat(xihu.cityName()).isEqualTo("杭州市");
        assertThat(xihu.countyName()).isEqualTo("西湖区");
        assertThat(xihu.entered()).isEqualTo("杭州西湖");

        Region pudong = resolve("上海浦东");
        assertThat(pudong.name()).isEqualTo("上海市浦东新区");
        assertThat(pudong.cityName()).as("a municipality has no prefecture of its own").isNull();
        assertThat(pudong.countyName()).isEqualTo("浦东新区");

        Region guangxi = resolve("广西");
        assertThat(guangxi.name()).isEqualTo("广西壮族自治区");
        assertThat(guangxi.cityName()).isNull();
        assertThat(guangxi.countyName()).isNull();
    }

    @Test
    void aCountyNameIsNeverReadAsItsNamesakeCity() {
        // naive prefix matching turns 朝阳区 into 辽宁省朝阳市
        assertThat(RESOLVER.resolution("朝阳区").candidates()).extracting(Division::code)
                .containsExactly("110105", "220104");
        assertThat(resolve("朝阳区").resolved()).isFalse();
        assertThat(resolve("北京朝阳区").code()).isEqualTo("110105");
        assertThat(resolve("长春朝阳区").code()).isEqualTo("220104");
        assertThat(resolve("辽宁朝阳市").code()).isEqualTo("211300");
    }

    /** The 28 county names used by more than one city, alone: resolved only as far as all their cities agree. */
    @ParameterizedTest(name = "{0} alone → {1}")
    @CsvSource({
            "朝阳区, UNRESOLVED", "通州区, UNRESOLVED", "和平区, UNRESOLVED", "河东区, UNRESOLVED",
            "长安区, UNRESOLVED", "桥西区, 130000", "新华区, UNRESOLVED", "城区, UNRESOLVED", "郊区, UNRESOLVED",
            "新城区, UNRESOLVED", "青山区, UNRESOLVED", "铁西区, UNRESOLVED", "铁东区, UNRESOLVED",
            "海州区, UNRESOLVED", "西安区, UNRESOLVED", "向阳区, 230000", "南山区, UNRESOLVED",
            "宝山区, UNRESOLVED", "普陀区, UNRESOLVED", "鼓楼区, UNRESOLVED", "西湖区, UNRESOLVED",
            "江北区, UNRESOLVED", "永定区, UNRESOLVED", "市中区, UNRESOLVED", "白云区, UNRESOLVED",
            "龙华区, UNRESOLVED", "城中区, UNRESOLVED", "城关区, UNRESOLVED"})
    void aSharedCountyNameAloneResolvesOnlyAsFarAsItsCitiesAgree(String county, String expected) {
        Region alone = resolve(county);
        if ("UNRESOLVED".equals(expected)) {
            assertThat(alone.resolved()).as(county).isFalse();
            assertThat(alone.entered()).isEqualTo(county);
            assertThat(RESOLVER.resolution(county).candidates()).as("the cities it could be in")
                    .hasSize(sharedCountyNames().get(county).size());
        } else {
            assertThat(alone.code()).as(county).isEqualTo(expected);
            assertThat(alone.level()).isEqualTo(RegionLevel.PROVINCE);
        }
    }

    @Test
    void exactlyTwentyEightCountyNamesAreSharedAndEachResolvesWithItsCity() {
        Map<String, List<Division>> shared = sharedCountyNames();
        assertThat(shared).hasSize(28);
        int checked = 0;
        for (List<Division> counties : shared.values()) {
            for (Division county : counties) {
                Division city = county.parent();
                String withCity = city.name() + county.name();
                assertThat(resolve(withCity).code()).as(withCity).isEqualTo(county.code());
                String withProvince = county.province().name() + (city == county.province() ? "" : city.name())
                        + county.name();
                assertThat(resolve(withProvince).code()).as(withProvince).isEqualTo(county.code());
                if (!city.aliases().isEmpty()) {
                    String shortCity = city.aliases().get(0) + county.name();
                    assertThat(resolve(shortCity).code()).as(shortCity).isEqualTo(county.code());
                }
                checked++;
            }
        }
        assertThat(checked).as("22 names in two cities, 4 in three, 2 in four").isEqualTo(64);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"杭州市西湖区, 330106", "南昌西湖区, 360103", "深圳南山区, 440305", "鹤岗市南山区, 230404",
            "南京鼓楼区, 320106", "徐州鼓楼区, 320302", "福州市鼓楼区, 350102", "开封鼓楼区, 410204",
            "上海普陀区, 310107", "舟山普陀区, 330903", "上海宝山, 310113", "宁波江北区, 330205",
            "济南市中区, 370103", "乐山市市中区, 511102", "河北石家庄桥西区, 130104"})
    void aSharedCountyNameWithItsCityIsThatCounty(String text, String code) {
        assertThat(resolve(text).code()).isEqualTo(code);
    }

    @Test
    void everyOneOfTheDevelopmentZonesResolvesToItselfUnderItsCity() {
        List<Division> zones = CATALOG.all().stream().filter(Division::developmentZone).toList();
        assertThat(zones).hasSize(124);
        for (Division zone : zones) {
            assertThat(zone.level()).isEqualTo(RegionLevel.COUNTY);
            assertThat(resolve(zone.name()).code()).as(zone.name()).isEqualTo(zone.code());
            assertThat(resolve(zone.fullName()).code()).as(zone.fullName()).isEqualTo(zone.code());
            assertThat(resolve(zone.parent().name() + zone.name()).code()).isEqualTo(zone.code());
        }
    }

    @Test
    void theDataHasItsProvincesCitiesAndCountiesOnceThePlaceholdersAreFolded() {
        Map<RegionLevel, Long> levels = CATALOG.all().stream()
                .collect(Collectors.groupingBy(Division::level, Collectors.counting()));
        assertThat(levels).containsEntry(RegionLevel.PROVINCE, 31L).containsEntry(RegionLevel.CITY, 333L)
                .containsEntry(RegionLevel.COUNTY, 2975L);
        assertThat(CATALOG.all()).extracting(Division::name)
                .doesNotContain("市辖区", "省直辖县级行政区划", "自治区直辖县级行政区划");
        assertThat(CATALOG.byCode("110105").orElseThrow().parent().code()).isEqualTo("110000");
        assertThat(CATALOG.byCode("500229").orElseThrow().parent().code()).isEqualTo("500000");
    }

    @Test
    void everyDivisionResolvesFromItsFullNameAndItsCode() {
        for (Division d : CATALOG.all()) {
            assertThat(resolve(d.fullName()).code()).as(d.fullName()).isEqualTo(d.code());
            assertThat(resolve(d.code()).code()).isEqualTo(d.code());
        }
    }

    @Test
    void everyDivisionWhoseNameIsItsOwnResolvesFromItsNameAlone() {
        Map<String, Long> uses = CATALOG.all().stream()
                .collect(Collectors.groupingBy(Division::name, Collectors.counting()));
        int checked = 0;
        for (Division d : CATALOG.all()) {
            if (uses.get(d.name()) == 1) {
                assertThat(resolve(d.name()).code()).as(d.name()).isEqualTo(d.code());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(3_250);
    }

    /** Any county, written as province (full or short), city (full, short or left out) and county, with any separator. */
    @Test
    void anyCountyWrittenDownItsChainResolvesToItself() {
        List<Division> counties = CATALOG.all().stream().filter(d -> d.level() == RegionLevel.COUNTY).toList();
        Gen<Division> county = pick(counties);
        Gen<String> separator = pick(List.of("", " ", "/", "-", "，", "、"));
        qt().withExamples(2_000).forAll(county, integers().between(0, 3), separator).checkAssert((d, style, sep) -> {
            Division province = d.province();
            Division city = d.parent() == province ? null : d.parent();
            List<String> parts = new ArrayList<>();
            parts.add((style & 1) == 1 && !province.aliases().isEmpty() ? province.aliases().get(0) : province.name());
            if (city != null && style != 3) {
                parts.add((style & 2) == 2 && !city.aliases().isEmpty() ? city.aliases().get(0) : city.name());
            }
            parts.add(d.name());
            String text = String.join(sep, parts);
            if (city != null && style == 3 && d.name().equals(city.name())) {
                // 甘肃嘉峪关市: a county named like its city, written without the city, names the city
                assertThat(resolve(text).code()).as(text).isEqualTo(city.code());
            } else if (city == null || style != 3 || uniqueInProvince(d)) {
                assertThat(resolve(text).code()).as(text).isEqualTo(d.code());
            }
        });
    }

    @ParameterizedTest
    @CsvSource({"某某开发区", "南京市场部", "火星", "浙江省杭州湾", "西湖", "东莞市场", "abc"})
    void textThatNamesNoDivisionIsKeptAsEnteredAndFlagged(String text) {
        Region region = resolve("  " + text + " ");
        assertThat(region.resolved()).isFalse();
        assertThat(region.level()).isEqualTo(RegionLevel.UNRESOLVED);
        assertThat(region.code()).isNull();
        assertThat(region.entered()).isEqualTo(text);
        assertThat(region.name()).isEqualTo(text);
    }

    @Test
    void unknownCodesAreKeptAsEntered() {
        assertThat(resolve("999999").resolved()).isFalse();
        assertThat(resolve("999999").entered()).isEqualTo("999999");
        assertThat(resolve("12345").resolved()).isFalse();
    }

    @Test
    void blankTextIsNoRegion() {
        assertThat(RESOLVER.resolve(null)).isEmpty();
        assertThat(RESOLVER.resolve("  ")).isEmpty();
    }

    private static boolean uniqueInProvince(Division county) {
        return CATALOG.all().stream()
                .filter(d -> d.level() == RegionLevel.COUNTY && d.isWithin(county.province()))
                .filter(d -> d.name().equals(county.name()))
                .count() == 1;
    }

    private static Map<String, List<Division>> sharedCountyNames() {
        Map<String, List<Division>> byName = CATALOG.all().stream()
                .filter(d -> d.level() == RegionLevel.COUNTY)
                .collect(Collectors.groupingBy(Division::name, TreeMap::new, Collectors.toList()));
        byName.values().removeIf(list -> list.size() < 2);
        return byName;
    }
}
