package com.lead2cash.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * A manager's customer list (团队客户列表) is read per owner of the team and merged: every customer of the
 * team's owners, newest first, page after page with a cursor, filtered by grade — and none of another team's.
 */
@IntegrationTest
class CustomerTeamListTest {

    @Autowired MockMvcTester mvc;
    @Autowired CustomerTestSupport support;

    private record Listed(String name, Instant createdAt, UUID id) {
    }

    private static Listed listed(JsonNode customer) {
        return new Listed(customer.get("name").asString(), Instant.parse(customer.get("createdAt").asString()),
                UUID.fromString(customer.get("id").asString()));
    }

    /** Every page of a list, two rows at a time, following the cursor to the end. */
    private List<String> allPages(String token, String query) {
        List<String> names = new ArrayList<>();
        JsonNode page = support.getJson(mvc, token, "/api/v1/customers?size=2" + query);
        while (true) {
            page.get("items").forEach(item -> names.add(item.get("name").asString()));
            if (page.get("nextCursor").isNull()) {
                return names;
            }
            page = support.getJson(mvc, token, "/api/v1/customers?size=2" + query + "&cursor={c}",
                    page.get("nextCursor").asString());
        }
    }

    @Test
    void aManagersListIsEveryCustomerOfTheTeamNewestFirstPageByPageAndByGrade() {
        var company = support.company("teamlist");
        String rep = support.bearer(mvc, company.eastRep());
        String rep2 = support.bearer(mvc, company.eastRep2());
        String west = support.bearer(mvc, company.westRep());
        List<Listed> team = new ArrayList<>();
        List<Listed> teamA = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String grade = i % 3 == 0 ? "B" : "A";
            Listed c = listed(support.customer(mvc, i % 2 == 0 ? rep : rep2, "团队列表" + i + "号科技有限公司",
                    "\"grade\":\"" + grade + "\""));
            team.add(c);
            if (grade.equals("A")) {
                teamA.add(c);
            }
            support.customer(mvc, west, "西区列表" + i + "号科技有限公司", "\"grade\":\"A\"");
        }
        // ids compared as PostgreSQL compares them: byte by byte, as their text does
        Comparator<Listed> newestFirst = Comparator.comparing(Listed::createdAt)
                .thenComparing(c -> c.id().toString()).reversed();
        String manager = support.bearer(mvc, company.eastManager());

        assertThat(allPages(manager, "")).containsExactlyElementsOf(team.stream().sorted(newestFirst).map(Listed::name).toList());
        assertThat(allPages(manager, "&grade=A"))
                .containsExactlyElementsOf(teamA.stream().sorted(newestFirst).map(Listed::name).toList());
    }
}
