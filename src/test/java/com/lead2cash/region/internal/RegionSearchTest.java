package com.lead2cash.region.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The picker's search: Chinese fragments, full pinyin, pinyin initials; best matches first. */
class RegionSearchTest {

    private static final RegionSearch SEARCH = RegionSearch.standard();

    private static List<String> names(String query) {
        return SEARCH.search(query, 10).stream().map(Division::fullName).toList();
    }

    @ParameterizedTest(name = "{0} → {1} first")
    @CsvSource({
            "hangzhou, 浙江省杭州市", "hz, 浙江省杭州市", "HangZhou, 浙江省杭州市", "hang zhou, 浙江省杭州市",
            "hangzhoushi, 浙江省杭州市", "杭, 浙江省杭州市", "杭州, 浙江省杭州市", "浙江杭, 浙江省杭州市",
            "浙江省杭州市, 浙江省杭州市", "zhejiang, 浙江省", "zj, 浙江省", "beijing, 北京市", "bj, 北京市",
            "guangxi, 广西壮族自治区", "neimenggu, 内蒙古自治区", "xi'an, 陕西省西安市", "330106, 浙江省杭州市西湖区",
            // place-name readings the dictionary gets wrong
            "changzhi, 山西省长治市", "changsha, 湖南省长沙市", "chongqing, 重庆市", "xiamen, 福建省厦门市",
            "chengdu, 四川省成都市", "minhang, 上海市闵行区", "lvliang, 山西省吕梁市", "suzhougongyeyuanqu, 江苏省苏州市苏州工业园区"})
    void findsTheDivisionFirst(String query, String first) {
        assertThat(names(query)).as(query).isNotEmpty().first().isEqualTo(first);
    }

    @Test
    void aNameSharedByCountiesOffersEachWithItsCity() {
        assertThat(names("西湖")).containsExactly("浙江省杭州市西湖区", "江西省南昌市西湖区");
        assertThat(names("朝阳区")).containsExactly("北京市朝阳区", "吉林省长春市朝阳区");
    }

    @Test
    void initialsOfferEveryCityThatStartsSo() {
        assertThat(names("hz")).startsWith("浙江省杭州市", "浙江省湖州市")
                .contains("山东省菏泽市", "广东省惠州市", "陕西省汉中市");
    }

    @Test
    void nothingForAQueryThatMatchesNoName() {
        assertThat(names("qqqq")).isEmpty();
        assertThat(names("火星")).isEmpty();
        assertThat(names("  ")).isEmpty();
        assertThat(SEARCH.search("hz", 3)).hasSize(3);
    }
}
