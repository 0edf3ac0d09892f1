package com.lead2cash.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.customer.CompanyKeys;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The customer duplicate check of many probes at once (an import batch) answers every probe as it is
 * answered alone — by name, credit code, a contact's phone or e-mail, several at once, another team's
 * customer without its details — and a probe with nothing to match, or asked twice, finds nothing more.
 */
@IntegrationTest
class DuplicateCheckBatchTest {

    @Autowired MockMvcTester mvc;
    @Autowired CustomerTestSupport support;
    @Autowired DuplicateCheck duplicates;

    private static CurrentUser as(User u) {
        return new CurrentUser(u.id(), u.username(), u.displayName(), u.orgUnitId(), u.roleSet());
    }

    @Test
    void manyProbesAtOnceAreEachAnsweredAsAlone() {
        var company = support.company("dupb");
        String east = support.bearer(mvc, company.eastRep());
        String west = support.bearer(mvc, company.westRep());
        String uscc = CustomerTestSupport.uniqueUscc();
        String named = support.customer(mvc, east, "批量查重甲有限公司", "\"uscc\":\"" + uscc + "\"").get("id").asString();
        support.post(mvc, east, "/api/v1/customers/" + named + "/contacts", "{\"name\":\"周总\",\"phone\":\"13600002222\"}");
        String other = support.customer(mvc, west, "批量查重乙有限公司", null).get("id").asString();
        support.post(mvc, west, "/api/v1/customers/" + other + "/contacts", "{\"name\":\"吴工\",\"email\":\"wu@dupb.example.cn\"}");

        List<CompanyKeys> probes = List.of(
                CompanyKeys.of("批量查重甲有限公司", null, null, null),
                CompanyKeys.of("另一个名字有限公司", uscc, null, null),
                CompanyKeys.of("第三个名字有限公司", null, "136-0000-2222", null),
                CompanyKeys.of("批量查重甲有限公司", uscc, "13600002222", null),
                CompanyKeys.of("批量查重乙有限公司", null, null, "WU@dupb.example.cn"),
                CompanyKeys.of("无人重名有限公司", null, "13900000000", "nobody@dupb.example.cn"),
                CompanyKeys.of(null, null, null, null),
                CompanyKeys.of("批量查重甲有限公司", null, null, null));
        Map<CompanyKeys, List<DuplicateCheck.Match>> all = as(company.eastRep()).actAs(() -> duplicates.findAll(probes));

        assertThat(all).containsOnlyKeys(probes);
        for (CompanyKeys probe : probes) {
            assertThat(all.get(probe)).as("%s", probe)
                    .isEqualTo(as(company.eastRep()).actAs(() -> duplicates.find(probe, null)));
        }
        assertThat(all.get(probes.get(3))).singleElement().satisfies(m -> {
            assertThat(m.matchedOn()).containsExactly("NAME", "USCC", "PHONE");
            assertThat(m.visible()).isTrue();
        });
        assertThat(all.get(probes.get(4))).singleElement().satisfies(m -> {
            assertThat(m.visible()).isFalse();
            assertThat(m.id()).isNull();
            assertThat(m.ownerName()).isEqualTo(company.westRep().displayName());
            assertThat(m.matchedOn()).containsExactly("NAME", "EMAIL");
        });
        assertThat(all.get(probes.get(5))).isEmpty();
        assertThat(all.get(probes.get(6))).isEmpty();
    }
}
