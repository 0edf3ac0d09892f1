package com.lead2cash.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Customer search (SPEC §5): a name fragment of two Chinese characters, pinyin initials, full pinyin
 * (polyphones read as in company names), a contact's phone, the credit code and the code — always
 * within the reader's scope: a rep never finds another rep's customer.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerSearchTest {

    @Autowired MockMvcTester mvc;
    @Autowired CustomerTestSupport support;

    CustomerTestSupport.Company company;
    String huawei;

    @BeforeAll
    void customers() {
        company = support.company("search");
        String east = support.bearer(mvc, company.eastRep());
        String west = support.bearer(mvc, company.westRep());
        huawei = support.customer(mvc, east, "华为技术有限公司", "\"uscc\":\"914403001922038216\"").get("code").asString();
        String id = support.getJson(mvc, east, "/api/v1/customers?q=" + huawei).get("items").get(0).get("id").asString();
        support.post(mvc, east, "/api/v1/customers/" + id + "/contacts", "{\"name\":\"任总\",\"phone\":\"+86 138-0013-8000\"}");
        support.customer(mvc, east, "重庆长安汽车股份有限公司", null);
        support.customer(mvc, east, "厦门银行股份有限公司", null);
        support.customer(mvc, east, "Apple 电脑贸易（上海）有限公司", null);
        support.customer(mvc, west, "华为终端有限公司", null);
    }

    private List<String> names(String token, String q) {
        return support.getJson(mvc, token, "/api/v1/customers?q={q}", q).get("items").valueStream().map(i -> i.get("name").asString()).toList();
    }

    @Test
    void aTwoCharacterChineseFragmentFindsTheCustomerAnywhereInItsName() {
        String rep = support.bearer(mvc, company.eastRep());
        assertThat(names(rep, "华为")).containsExactly("华为技术有限公司");
        assertThat(names(rep, "技术")).containsExactly("华为技术有限公司");
        assertThat(names(rep, "长安汽车")).containsExactly("重庆长安汽车股份有限公司");
        assertThat(names(rep, "华")).containsExactly("华为技术有限公司");
        assertThat(names(rep, "华技")).isEmpty();
    }

    @Test
    void pinyinInitialsAndFullPinyinFindTheCustomerWithPolyphonesReadAsInCompanyNames() {
        String rep = support.bearer(mvc, company.eastRep());
        assertThat(names(rep, "hwjs")).containsExactly("华为技术有限公司");
        assertThat(names(rep, "HWJS")).containsExactly("华为技术有限公司");
        assertThat(names(rep, "huawei")).containsExactly("华为技术有限公司");
        assertThat(names(rep, "cqca")).containsExactly("重庆长安汽车股份有限公司");
        assertThat(names(rep, "chongqingchangan")).containsExactly("重庆长安汽车股份有限公司");
        assertThat(names(rep, "xmyh")).containsExactly("厦门银行股份有限公司");
        assertThat(names(rep, "xiamenyinhang")).containsExactly("厦门银行股份有限公司");
        assertThat(names(rep, "apple")).containsExactly("Apple 电脑贸易（上海）有限公司");
    }

    @Test
    void aContactsPhoneTheCreditCodeOrTheCodeFindTheCustomer() {
        String rep = support.bearer(mvc, company.eastRep());
        assertThat(names(rep, "13800138000")).containsExactly("华为技术有限公司");
        assertThat(names(rep, "138 0013 8000")).containsExactly("华为技术有限公司");
        assertThat(names(rep, "1380013")).containsExactly("华为技术有限公司");
        assertThat(names(rep, "１３８００１３８０００")).as("typed in full-width digits").containsExactly("华为技术有限公司");
        assertThat(names(rep, "914403001922038216")).containsExactly("华为技术有限公司");
        assertThat(names(rep, huawei)).containsExactly("华为技术有限公司");
    }

    @Test
    void aFragmentOfTheCodeFindsTheCustomerItsPrefixWithOrWithoutDashesOrItsTailDigitsWithinTheScope() throws Exception {
        String rep = support.bearer(mvc, company.eastRep());
        // "C-2026-000123": the year and the number
        String year = huawei.substring(2, 6);
        String number = huawei.substring(7);
        assertThat(names(rep, "C-" + year)).as("the year's prefix").contains("华为技术有限公司")
                .doesNotContain("华为终端有限公司");
        assertThat(names(rep, "c" + year)).as("typed without the dash").contains("华为技术有限公司");
        assertThat(names(rep, "C" + year + number)).as("the whole code without dashes").containsExactly("华为技术有限公司");
        assertThat(names(rep, "C-" + year + "-" + number.substring(0, number.length() - 1)))
                .as("the code less its last digit").contains("华为技术有限公司");
        assertThat(names(rep, number)).as("the number").containsExactly("华为技术有限公司");
        assertThat(names(rep, number.substring(number.length() - 3))).as("its last three digits").contains("华为技术有限公司");
        assertThat(names(rep, year + "-" + number)).as("the year and number").containsExactly("华为技术有限公司");
        assertThat(names(support.bearer(mvc, company.westRep()), number)).as("outside the scope").isEmpty();

        // the pickers of other modules' forms ask the same search, within their limit
        var picked = mvc.get().uri("/opportunities/customer-options?q={q}", "C" + year + number)
                .cookie(support.session(mvc, company.eastRep())).exchange();
        assertThat(picked).hasStatusOk();
        assertThat(picked.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains(huawei + " 华为技术有限公司");
    }

    @Test
    void aRepNeverFindsAnotherRepsCustomerWhileTheDirectorFindsBoth() {
        assertThat(names(support.bearer(mvc, company.westRep()), "华为")).containsExactly("华为终端有限公司");
        assertThat(names(support.bearer(mvc, company.westRep()), "hwjs")).isEmpty();
        assertThat(names(support.bearer(mvc, company.westRep()), "13800138000")).isEmpty();
        assertThat(names(support.bearer(mvc, company.eastRep2()), "华为")).isEmpty();
        assertThat(names(support.bearer(mvc, company.eastManager()), "华为")).containsExactly("华为技术有限公司");
        assertThat(names(support.bearer(mvc, company.director()), "华为"))
                .containsExactlyInAnyOrder("华为技术有限公司", "华为终端有限公司");
    }

    @Test
    void searchPagesWithACursor() {
        String director = support.bearer(mvc, company.director());
        String uri = "/api/v1/customers?q={q}&size=2&cursor={cursor}";
        var first = support.getJson(mvc, director, "/api/v1/customers?q={q}&size=2", "有限公司");
        assertThat(first.get("items").size()).isEqualTo(2);
        var second = support.getJson(mvc, director, uri, "有限公司", first.get("nextCursor").asString());
        var third = support.getJson(mvc, director, uri, "有限公司", second.get("nextCursor").asString());
        assertThat(second.get("items").size() + third.get("items").size()).isEqualTo(3);
        assertThat(third.get("nextCursor").isNull()).isTrue();
    }
}
