package com.lead2cash.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.TestClock;
import com.lead2cash.testing.Workbooks;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/** The catalogue and price lists over the API: shapes, refusals that change nothing, prices by list and day, Excel round trip. */
@IntegrationTest
@Import(TestClock.class)
class CatalogApiTest {

    @Autowired MockMvcTester mvc;
    @Autowired CustomerTestSupport support;
    @Autowired com.lead2cash.testing.SalesTestSupport sales;
    @Autowired JdbcClient jdbc;
    @Autowired com.lead2cash.testing.Fixtures fixtures;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

    long products() {
        return jdbc.sql("select count(*) from catalog_product").query(Long.class).single();
    }

    @Test
    void theDirectorRegistersAProductAndRepsReadButMayNotChangeTheCatalogue() {
        var company = support.company("cat1");
        String director = support.bearer(mvc, company.director());
        String rep = support.bearer(mvc, company.eastRep());
        var created = support.post(mvc, director, "/api/v1/products", """
                {"code":"GW-100","name":"工业网关 户外型","specification":"4G/5G 双模","unit":"台","productLine":"物联网",
                 "listPrice":12800,"taxRate":13}""");
        assertThat(created).hasStatus(201);
        // read in the answer's text: the price is money with two places (SPEC §6), the rate the percentage it was
        assertThat(new String(created.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"listPrice\":12800.00,").contains("\"taxRate\":13.00");
        JsonNode product = support.json(created);
        assertThat(product.get("code").asString()).isEqualTo("GW-100");
        assertThat(product.get("listPrice").decimalValue()).isEqualByComparingTo("12800.00");
        assertThat(product.get("taxRate").decimalValue()).isEqualByComparingTo("13");
        assertThat(product.get("active").asBoolean()).isTrue();
        assertThat(product.get("version").asLong()).isZero();

        assertThat(support.post(mvc, rep, "/api/v1/products", "{\"code\":\"X\",\"name\":\"x\",\"listPrice\":1,\"taxRate\":6}"))
                .hasStatus(403);
        assertThat(support.getJson(mvc, rep, "/api/v1/products?q=网关").get("items").get(0).get("code").asString())
                .isEqualTo("GW-100");

        long before = products();
        var duplicate = support.post(mvc, director, "/api/v1/products",
                "{\"code\":\"gw-100\",\"name\":\"重复\",\"listPrice\":1,\"taxRate\":13}");
        assertThat(duplicate).hasStatus(422);
        assertThat(support.json(duplicate).get("errors").get(0).get("field").asString()).isEqualTo("code");
        var bad = support.post(mvc, director, "/api/v1/products",
                "{\"code\":\"B 1\",\"name\":\"\",\"listPrice\":-1,\"taxRate\":130}");
        assertThat(bad).hasStatus(422);
        assertThat(support.json(bad).get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("code", "name", "listPrice", "taxRate");
        // 1.3 is a typo for 13, not a VAT rate: refused, naming the lawful rates
        var typo = support.post(mvc, director, "/api/v1/products",
                "{\"code\":\"TYPO-1\",\"name\":\"税率笔误\",\"listPrice\":1,\"taxRate\":1.3}");
        assertThat(typo).hasStatus(422);
        assertThat(support.json(typo).get("errors").get(0).get("code").asString())
                .isEqualTo("catalog.product.taxRate.invalid");
        assertThat(support.json(typo).get("errors").get(0).get("message").asString()).contains("13, 9, 6, 5, 3, 1, 0");
        // a rate typed with many decimals is refused for its decimals, not called an amount
        var precise = support.post(mvc, director, "/api/v1/products",
                "{\"code\":\"TYPO-2\",\"name\":\"税率小数\",\"listPrice\":1,\"taxRate\":13.000001}");
        assertThat(precise).hasStatus(422);
        assertThat(support.json(precise).get("errors").get(0).get("field").asString()).isEqualTo("taxRate");
        assertThat(support.json(precise).get("errors").get(0).get("message").asString())
                .contains("number has more than 2 decimal places").doesNotContain("amount");
        assertThat(products()).isEqualTo(before);
        assertThat(support.post(mvc, director, "/api/v1/products",
                "{\"code\":\"SIMPLE-5\",\"name\":\"简易计税服务\",\"listPrice\":1,\"taxRate\":5}"))
                .as("a collection rate of the simplified method").hasStatus(201);
        before = products();

        String id = product.get("id").asString();
        var changed = support.put(mvc, director, "/api/v1/products/" + id, """
                {"code":"GW-100","name":"工业网关 户外型","unit":"台","listPrice":11800,"taxRate":13,"version":0}""");
        assertThat(changed).hasStatus(200);
        assertThat(support.put(mvc, director, "/api/v1/products/" + id, """
                {"code":"GW-100","name":"陈旧","listPrice":1,"taxRate":13,"version":0}""")).hasStatus(409);
        assertThat(support.getJson(mvc, rep, "/api/v1/products/" + id).get("listPrice").decimalValue())
                .isEqualByComparingTo("11800");

        // (de)activating is done on the version read, like a correction: without it 428 and nothing changes
        for (String action : new String[] {"deactivate", "activate"}) {
            var unversioned = support.post(mvc, director, "/api/v1/products/" + id + "/" + action, "{}");
            assertThat(unversioned).as(action).hasStatus(428);
            assertThat(support.json(unversioned).get("code").asString()).isEqualTo("error.versionRequired");
        }
        JsonNode unchanged = support.getJson(mvc, rep, "/api/v1/products/" + id);
        assertThat(unchanged.get("active").asBoolean()).isTrue();
        assertThat(unchanged.get("version").asLong()).isEqualTo(1);
        assertThat(support.post(mvc, director, "/api/v1/products/" + id + "/deactivate", "{\"version\":1}")).hasStatus(200);
        assertThat(support.post(mvc, director, "/api/v1/products/" + id + "/activate", "{}")).hasStatus(428);
        assertThat(support.getJson(mvc, rep, "/api/v1/products/" + id).get("active").asBoolean()).isFalse();
    }

    @Test
    void theAuditScreenNamesAProductByItsCodeAndNameLinkedToItsPage() throws Exception {
        var company = support.company("cataudit");
        String id = support.json(support.post(mvc, support.bearer(mvc, company.director()), "/api/v1/products", """
                {"code":"AUD-7","name":"审计传感器","listPrice":100,"taxRate":13}""")).get("id").asString();
        var admin = fixtures.session(mvc, "admin", com.lead2cash.testing.Fixtures.ADMIN_PASSWORD);
        String rows = mvc.get().uri("/admin/audit?lang=zh-CN&entityType=Product&entityId=" + id).cookie(admin).exchange()
                .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(rows).contains("href=\"/products/" + id + "\"", ">AUD-7 审计传感器</a>").doesNotContain(">" + id + "<");
    }

    @Test
    void priceListsGiveTheCustomerTheirPriceOnTheDaysTheyAreValid() {
        var company = support.company("cat2");
        String director = support.bearer(mvc, company.director());
        String rep = support.bearer(mvc, company.eastRep());
        String product = support.postJson(mvc, director, "/api/v1/products",
                "{\"code\":\"SV-1\",\"name\":\"实施服务\",\"unit\":\"人天\",\"listPrice\":2000,\"taxRate\":6}").get("id").asString();
        String customer = sales.customerWithContact(company.eastRep(), "宁波价格测试有限公司", "李工", "li@nb.test");

        var standard = support.post(mvc, director, "/api/v1/price-lists", """
                {"name":"2026 下半年标准价","kind":"STANDARD","validFrom":"2026-07-01","validTo":"2026-12-31",
                 "prices":[{"productId":"%s","unitPrice":1900}]}""".formatted(product));
        assertThat(standard).hasStatus(201);
        var overlapping = support.post(mvc, director, "/api/v1/price-lists",
                "{\"name\":\"重叠\",\"kind\":\"STANDARD\",\"validFrom\":\"2026-12-01\"}");
        assertThat(overlapping).hasStatus(422);
        assertThat(support.json(overlapping).get("code").asString()).isEqualTo("catalog.priceList.standardOverlap");
        assertThat(support.post(mvc, director, "/api/v1/price-lists", """
                {"name":"战略客户","kind":"CUSTOMER_GROUP","validFrom":"2026-11-01","customerIds":["%s"],
                 "prices":[{"productId":"%s","unitPrice":1800}]}""".formatted(customer, product))).hasStatus(201);

        String priceUrl = "/api/v1/products/" + product + "/price?customerId=" + customer;
        assertThat(support.getJson(mvc, rep, priceUrl + "&on=2026-12-01").get("unitPrice").decimalValue())
                .isEqualByComparingTo("1800");
        assertThat(support.getJson(mvc, rep, "/api/v1/products/" + product + "/price?on=2026-12-31").get("unitPrice")
                .decimalValue()).isEqualByComparingTo("1900");
        assertThat(support.getJson(mvc, rep, "/api/v1/products/" + product + "/price?on=2027-01-01").get("unitPrice")
                .decimalValue()).isEqualByComparingTo("2000");
        assertThat(support.getJson(mvc, rep, "/api/v1/products/" + product + "/price?on=2026-12-01").get("priceListName")
                .asString()).isEqualTo("2026 下半年标准价");
    }

    /**
     * Audit of the walk's finding (a quote's 20 000 lines priced before their limit): a list's products were looked up
     * before its 5 000 prices were counted, and its customers had no limit and were looked up one query each. Both are
     * counted first: too many of each are named together — had the products been looked up, the customers would not
     * have been reached, and had the customers been, one nobody has would be named —; nothing is stored.
     */
    @Test
    void aListWithMorePricesOrCustomersThanItTakesIsRefusedForTheirCountsBeforeAnyIsLookedUp() {
        var company = support.company("cat-counts");
        String director = support.bearer(mvc, company.director());
        long before = jdbc.sql("select count(*) from catalog_price_list").query(Long.class).single();
        String prices = String.join(",", java.util.stream.Stream.generate(
                () -> "{\"productId\":\"" + java.util.UUID.randomUUID() + "\",\"unitPrice\":1}").limit(5_001).toList());
        String customers = String.join(",", java.util.stream.Stream.generate(
                () -> "\"" + java.util.UUID.randomUUID() + "\"").limit(5_001).toList());
        var both = support.post(mvc, director, "/api/v1/price-lists", """
                {"name":"大客户组","kind":"CUSTOMER_GROUP","validFrom":"2026-12-01","customerIds":[%s],"prices":[%s]}"""
                .formatted(customers, prices));
        assertThat(both).hasStatus(422);
        assertThat(support.json(both).get("errors")).extracting(e -> e.get("field").asString() + " " + e.get("code").asString())
                .containsExactlyInAnyOrder("prices catalog.priceList.tooManyPrices",
                        "customerIds catalog.priceList.tooManyCustomers");
        var customersAlone = support.post(mvc, director, "/api/v1/price-lists", """
                {"name":"大客户组","kind":"CUSTOMER_GROUP","validFrom":"2026-12-01","customerIds":[%s]}""".formatted(customers));
        assertThat(customersAlone).hasStatus(422);
        assertThat(support.json(customersAlone).get("errors")).extracting(e -> e.get("code").asString())
                .containsExactly("catalog.priceList.tooManyCustomers");
        assertThat(jdbc.sql("select count(*) from catalog_price_list").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void anEmptyCatalogueSaysNoProductsYetWithWhereToAddThemAndAFilterMatchingNoneSaysNoneMatch() {
        var company = support.company("cat-empty");
        var session = support.session(mvc, company.director());
        String director = support.bearer(mvc, company.director());
        support.postJson(mvc, director, "/api/v1/products",
                "{\"code\":\"EMPTY-1\",\"name\":\"空目录测试\",\"unit\":\"套\",\"listPrice\":100,\"taxRate\":6}");
        String filteredToNone = page(session, "/products?lang=en&q=no-such-product-anywhere");
        assertThat(filteredToNone).contains("No products match.").doesNotContain("No products yet.");

        // a new company's catalogue: no product at all (emptied inside a transaction rolled back after the look)
        var emptied = new org.springframework.transaction.support.TransactionTemplate(transactions);
        emptied.executeWithoutResult(status -> {
            jdbc.sql("truncate catalog_product cascade").update();
            String empty = page(session, "/products?lang=en");
            assertThat(empty).contains("id=\"products-empty\"", "No products yet.",
                    "Add one with New product, or several at once with Import from Excel or CSV.")
                    .doesNotContain("No products match.");
            assertThat(page(session, "/products?lang=zh-CN")).contains("还没有产品。").doesNotContain("没有符合条件的产品");
            status.setRollbackOnly();
        });
    }

    private String page(jakarta.servlet.http.Cookie session, String uri) {
        var answer = mvc.get().uri(uri).cookie(session).exchange();
        assertThat(answer).as(uri).hasStatusOk();
        return new String(answer.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aPriceInExponentNotationIsRefusedOnThePriceListsFormAsOnTheProductFormAndNothingIsSaved() {
        var company = support.company("cat-exp");
        String director = support.bearer(mvc, company.director());
        support.postJson(mvc, director, "/api/v1/products",
                "{\"code\":\"EXP-1\",\"name\":\"指数测试\",\"unit\":\"套\",\"listPrice\":2000,\"taxRate\":6}");
        String list = support.postJson(mvc, director, "/api/v1/price-lists",
                "{\"name\":\"指数渠道价\",\"kind\":\"CHANNEL\",\"channel\":\"华南代理\",\"validFrom\":\"2026-01-01\"}")
                .get("id").asString();
        var session = support.session(mvc, company.director());
        for (String typed : new String[] {"2E+2", "1e3"}) {
            String version = support.getJson(mvc, director, "/api/v1/price-lists/" + list).get("version").asString();
            assertThat(mvc.post().uri("/price-lists/" + list + "/prices").cookie(session)
                    .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                    .param("productCode", "EXP-1").param("unitPrice", typed).param("version", version))
                    .as(typed).hasStatus3xxRedirection().flash().containsEntry("flashError", "error.form.unreadable");
        }
        assertThat(support.getJson(mvc, director, "/api/v1/price-lists/" + list).get("prices")).as("nothing saved").isEmpty();
        // the same list's form takes the amount written plainly, grouped by thousands
        String version = support.getJson(mvc, director, "/api/v1/price-lists/" + list).get("version").asString();
        assertThat(mvc.post().uri("/price-lists/" + list + "/prices").cookie(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("productCode", "EXP-1").param("unitPrice", "1,000").param("version", version))
                .hasStatus3xxRedirection().flash().containsEntry("flashSuccess", "catalog.priceList.priceSet");
        assertThat(support.getJson(mvc, director, "/api/v1/price-lists/" + list).get("prices").get(0).get("unitPrice")
                .decimalValue()).isEqualByComparingTo("1000");
    }

    @Test
    void aPriceRefusedForAMistypedProductCodeComesBackOnThePriceListsPage() {
        var company = support.company("cat-typed");
        String director = support.bearer(mvc, company.director());
        String list = support.postJson(mvc, director, "/api/v1/price-lists",
                "{\"name\":\"渠道价\",\"kind\":\"CHANNEL\",\"channel\":\"华东代理\",\"validFrom\":\"2026-01-01\"}")
                .get("id").asString();
        var session = support.session(mvc, company.director());
        // the list's version, as its page sends it with every form
        String version = support.getJson(mvc, director, "/api/v1/price-lists/" + list).get("version").asString();
        assertThat(mvc.post().uri("/price-lists/" + list + "/prices").cookie(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("productCode", "GW-1OO").param("unitPrice", "1880.00").param("version", version))
                .hasStatus3xxRedirection().flash().containsEntry("flashError", "catalog.product.code.unknown");
        String page = new String(mvc.get().uri("/price-lists/" + list + "?lang=en").cookie(session).exchange()
                .getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(com.lead2cash.testing.FormHtml.inputValue(page, "productCode")).isEqualTo("GW-1OO");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(page, "unitPrice")).isEqualTo("1880.00");
        // a control character in the code: flashed on the page, the price typed given back, not the error page
        assertThat(mvc.post().uri("/price-lists/" + list + "/prices").cookie(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("productCode", "GW-\u0000100").param("unitPrice", "1990.00").param("version", version))
                .hasStatus3xxRedirection().flash().containsEntry("flashError", "error.input.controlCharacter");
        page = new String(mvc.get().uri("/price-lists/" + list + "?lang=en").cookie(session).exchange()
                .getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("The text contains a control character").doesNotContain("id=\"error-detail\"");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(page, "unitPrice")).isEqualTo("1990.00");
        // the list's terms with a day past the years a record can have: beside the field, as typed
        var terms = mvc.post().uri("/price-lists/" + list + "?lang=en").cookie(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("name", "渠道价（改）").param("channel", "华东代理").param("validFrom", "2026-01-01")
                .param("validTo", "9999-01-01").param("version", "0").exchange();
        assertThat(terms).hasStatusOk();
        String termsPage = new String(terms.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(termsPage).contains("The date must lie between 1900-01-01 and 2199-12-31.")
                .doesNotContain("id=\"error-detail\"");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(termsPage, "pl-to")).isEqualTo("9999-01-01");
        assertThat(support.getJson(mvc, director, "/api/v1/price-lists/" + list).get("name").asString())
                .as("nothing saved").isEqualTo("渠道价");

        // a list that is none: the 404 page, as a GET of it
        String none = "/price-lists/" + java.util.UUID.randomUUID();
        for (String[] post : new String[][] {{"/prices", "productCode", "GW-100", "unitPrice", "1880.00", "version", "0"},
                {"/members", "customer", java.util.UUID.randomUUID().toString(), "action", "add", "version", "0"},
                {"/active", "active", "false", "version", "0"}}) {
            var request = mvc.post().uri(none + post[0]).cookie(session)
                    .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
            for (int i = 1; i < post.length; i += 2) {
                request = request.param(post[i], post[i + 1]);
            }
            var answered = request.exchange();
            assertThat(answered).as(post[0]).hasStatus(404);
            assertThat(answered).as(post[0]).flash().isEmpty();
        }
    }

    @Test
    void aRepOfTheOtherTeamIsNotToldWhichCustomersAGroupListHas() {
        var company = support.company("cat5");
        String director = support.bearer(mvc, company.director());
        String east = support.bearer(mvc, company.eastRep());
        String west = support.bearer(mvc, company.westRep());
        String customer = sales.customerWithContact(company.eastRep(), "温州分组测试有限公司", "王工", "wang@wz.test");
        String list = support.postJson(mvc, director, "/api/v1/price-lists", """
                {"name":"华东战略客户","kind":"CUSTOMER_GROUP","validFrom":"2026-01-01","customerIds":["%s"]}"""
                .formatted(customer)).get("id").asString();

        for (String uri : new String[] {"/api/v1/price-lists", "/api/v1/price-lists/" + list}) {
            var asWest = support.get(mvc, west, uri);
            assertThat(asWest).as(uri).hasStatus(200).bodyText().doesNotContain(customer);
            assertThat(support.get(mvc, east, uri)).as(uri).hasStatus(200).bodyText().contains(customer);
            assertThat(support.get(mvc, director, uri)).as(uri).hasStatus(200).bodyText().contains(customer);
        }
        assertThat(support.getJson(mvc, west, "/api/v1/price-lists/" + list).get("customerIds").isEmpty()).isTrue();

        // the page names the list's customers by the same rule
        assertThat(mvc.get().uri("/price-lists/" + list).cookie(support.session(mvc, company.westRep())))
                .hasStatusOk().bodyText().doesNotContain(customer).doesNotContain("温州分组测试有限公司");
        assertThat(mvc.get().uri("/price-lists/" + list).cookie(support.session(mvc, company.eastRep())))
                .hasStatusOk().bodyText().contains(customer).contains("温州分组测试有限公司");
    }

    @Test
    void thePriceOfAnotherTeamsCustomerIsNotFoundAsAnUnknownCustomerIs() {
        var company = support.company("cat6");
        String director = support.bearer(mvc, company.director());
        String east = support.bearer(mvc, company.eastRep());
        String west = support.bearer(mvc, company.westRep());
        String product = support.postJson(mvc, director, "/api/v1/products",
                "{\"code\":\"SV-6\",\"name\":\"驻场服务\",\"unit\":\"人天\",\"listPrice\":3000,\"taxRate\":6}")
                .get("id").asString();
        String customer = sales.customerWithContact(company.eastRep(), "台州分组测试有限公司", "赵工", "zhao@tz.test");
        assertThat(support.post(mvc, director, "/api/v1/price-lists", """
                {"name":"华东大客户价","kind":"CUSTOMER_GROUP","validFrom":"2026-01-01","customerIds":["%s"],
                 "prices":[{"productId":"%s","unitPrice":2600}]}""".formatted(customer, product))).hasStatus(201);
        String price = "/api/v1/products/" + product + "/price?on=2026-06-01&customerId=";
        assertThat(support.getJson(mvc, east, price + customer).get("unitPrice").decimalValue())
                .isEqualByComparingTo("2600");

        String unknown = java.util.UUID.randomUUID().toString();
        var outOfScope = support.get(mvc, west, price + customer);
        var notThere = support.get(mvc, west, price + unknown);
        assertThat(outOfScope).hasStatus(404).bodyText().doesNotContain("华东大客户价").doesNotContain("2600");
        assertThat(notThere).hasStatus(404);
        // the same answer but for the id the caller sent: nothing tells that this customer exists
        assertThat(body(outOfScope).replace(customer, "ID")).isEqualTo(body(notThere).replace(unknown, "ID"));
    }

    @Test
    void theExportedWorkbookImportsBackAndOneBadRowRefusesTheWholeFile() throws Exception {
        var company = support.company("cat3");
        String director = support.bearer(mvc, company.director());
        support.postJson(mvc, director, "/api/v1/products",
                "{\"code\":\"CAM-1\",\"name\":\"摄像头 日夜型\",\"unit\":\"个\",\"listPrice\":800,\"taxRate\":13}");
        var export = mvc.get().uri("/api/v1/products/export").header(HttpHeaders.AUTHORIZATION, director).exchange();
        assertThat(export).hasStatus(200);
        byte[] xlsx = export.getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var rows = wb.getFirstSheet().read();
            assertThat(rows.get(0).getCell(0).getText()).isEqualTo("产品编码*");
            assertThat(rows).anyMatch(r -> "CAM-1".equals(r.getCell(0).getText()) && "摄像头 日夜型".equals(r.getCell(1).getText()));
        }

        byte[] edited = workbook(new Object[][] {
                {"CAM-1", "摄像头 日夜型", null, "个", "安防", new BigDecimal("750"), new BigDecimal("13"), "是"},
                {"NVR-8", "录像机 八路", "8 路", "台", "安防", new BigDecimal("2400.50"), new BigDecimal("13"), "是"}});
        var imported = importProducts(director, null, "产品目录.xlsx", edited);
        assertThat(imported).hasStatus(200);
        assertThat(support.json(imported).get("created").asInt()).isEqualTo(1);
        assertThat(support.json(imported).get("updated").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select detail from platform_audit_event where action = 'IMPORT' and entity_type = 'Product' "
                        + "and actor_name = :u").param("u", company.director().username()).query(String.class).single())
                .as("a message key and its arguments, which the audit screen says in its reader's language")
                .isEqualTo("catalog.audit.imported\n1\n1");
        assertThat(support.getJson(mvc, director, "/api/v1/products?q=CAM-1").get("items").get(0).get("listPrice")
                .decimalValue()).isEqualByComparingTo("750");

        // the export imported back unchanged updates nothing
        byte[] unchanged = mvc.get().uri("/api/v1/products/export").header(HttpHeaders.AUTHORIZATION, director).exchange()
                .getResponse().getContentAsByteArray();
        var again = importProducts(director, null, "产品目录.xlsx", unchanged);
        assertThat(again).hasStatus(200);
        assertThat(support.json(again).get("created").asInt()).isZero();
        assertThat(support.json(again).get("updated").asInt()).isZero();

        long before = products();
        byte[] bad = workbook(new Object[][] {
                {"NEW-1", "新产品", null, "个", null, new BigDecimal("10"), new BigDecimal("13"), "是"},
                {"NEW-2", null, null, "个", null, "十元", new BigDecimal("13"), "是"}});
        var refused = importProducts(director, null, "bad.xlsx", bad);
        assertThat(refused).hasStatus(422);
        assertThat(support.json(refused).get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("rows[3].listPrice");
        assertThat(products()).isEqualTo(before);
    }

    /**
     * Walk finding: a product or price list named on two lines (a line break, a tab) was stored, on the API and from an
     * import. Refused naming the field (a row of an import: its cell), nothing stored; a specification keeps its lines
     * but no NUL.
     */
    @Test
    void aProductOrPriceListNameOfMoreThanOneLineIsRefusedOnTheApiAndInAnImportAndNothingIsStored() throws Exception {
        var company = support.company("cat-oneline");
        String director = support.bearer(mvc, company.director());
        long before = products();
        for (String inside : java.util.List.of("\\r\\n", "\\n", "\\t")) {
            assertThat(support.post(mvc, director, "/api/v1/products", "{\"code\":\"ONELINE-1\",\"name\":\"工业" + inside
                    + "网关\",\"listPrice\":1,\"taxRate\":13}")).as(inside).hasStatus(422).bodyJson()
                    .satisfies(body -> {
                        assertThat(body).extractingPath("$.errors[*].field").asArray().containsExactly("name");
                        assertThat(body).extractingPath("$.errors[*].code").asArray()
                                .containsExactly("error.input.notOneLine");
                    });
        }
        assertThat(support.post(mvc, director, "/api/v1/price-lists",
                "{\"name\":\"渠道\\t价\",\"kind\":\"CHANNEL\",\"channel\":\"华东代理\",\"validFrom\":\"2026-12-01\"}"))
                .hasStatus(422).bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");

        String header = "产品编码*,产品名称*,规格,单位,产品线,目录价（元，不含税）*,税率（%）*,启用\r\n";
        var refused = csvImport(director, "oneline.csv", (header
                + "ONELINE-2,\"数据\r\n采集器\",,台,物联网,100,13,是\r\n"
                + "ONELINE-3,数据采集器,\"4 口\u0000\",台,物联网,100,13,是\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(refused).hasStatus(422);
        assertThat(support.json(refused).get("errors").valueStream()
                .map(e -> e.get("field").asString() + " " + e.get("code").asString()))
                .containsExactly("rows[2].name error.input.notOneLine", "rows[3].specification error.input.controlCharacter");
        assertThat(products()).as("nothing stored").isEqualTo(before);

        JsonNode kept = support.postJson(mvc, director, "/api/v1/products",
                "{\"code\":\"ONELINE-4\",\"name\":\"工业网关\",\"specification\":\"4 口\\n双模\",\"listPrice\":1,\"taxRate\":13}");
        assertThat(kept.get("specification").asString()).as("a specification of many lines").isEqualTo("4 口\n双模");
    }

    @Test
    void everyProblemOfEveryRowIsReportedInOnePassAndNothingIsImported() throws Exception {
        var company = support.company("cat-all");
        String director = support.bearer(mvc, company.director());
        long before = products();
        byte[] bad = workbook(new Object[][] {
                {"ALL-1", "好产品", null, "个", null, new BigDecimal("10"), new BigDecimal("13"), "是"},
                // no name and a price that is no number
                {"ALL-2", null, null, "个", null, "十元", new BigDecimal("13"), "是"},
                // the code of row 2 again, a tax rate that is no number and neither yes nor no
                {"all-2", "重复产品", null, "个", null, new BigDecimal("10"), "百分之十三", "也许"},
                // no code, a negative price, a tax rate past 100
                {null, "无编码产品", null, "个", null, new BigDecimal("-1"), new BigDecimal("130"), "是"}});
        var refused = importProducts(director, "en", "bad.xlsx", bad);
        assertThat(refused).hasStatus(422);
        assertThat(support.json(refused).get("errors").valueStream()
                .map(e -> e.get("field").asString() + " " + e.get("code").asString()))
                .containsExactlyInAnyOrder(
                        "rows[3].listPrice catalog.import.notANumber", "rows[3].name catalog.product.name.required",
                        "rows[4].taxRate catalog.import.notANumber", "rows[4].active catalog.import.notAYesNo",
                        "rows[4].code catalog.import.duplicateCode",
                        "rows[5].code catalog.product.code.required", "rows[5].listPrice catalog.price.invalid",
                        "rows[5].taxRate catalog.product.taxRate.invalid");
        assertThat(products()).isEqualTo(before);

        // the page lists the same problems, both of row 3 among them
        var session = support.session(mvc, company.director());
        String page = body(mvc.post().uri("/products/import?lang=en").cookie(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .multipart().file(new MockMultipartFile("file", "bad.xlsx", null, bad)).exchange());
        assertThat(page).contains("8 problem(s)", "Enter the product name.", "十元", "Enter the product code.");
        // each named by its column as the template heads it, not by the field's code
        assertThat(page).contains("<td>List price</td>", "<td>Name</td>", "<td>Tax rate</td>")
                .doesNotContain("<td>listPrice</td>", "<td>taxRate</td>");
        assertThat(products()).isEqualTo(before);
    }

    @Test
    void theExportNeutralisesTextASpreadsheetWouldRunAsAFormulaAndImportsBackAsTheSameText() throws Exception {
        var company = support.company("cat4");
        String director = support.bearer(mvc, company.director());
        String name = "=HYPERLINK(\"http://e.example\",\"点我\")";
        support.postJson(mvc, director, "/api/v1/products", "{\"code\":\"@SUM-1\",\"name\":\""
                + name.replace("\"", "\\\"") + "\",\"unit\":\"个\",\"listPrice\":800,\"taxRate\":13}");
        byte[] xlsx = mvc.get().uri("/api/v1/products/export").header(HttpHeaders.AUTHORIZATION, director).exchange()
                .getResponse().getContentAsByteArray();
        var exported = com.lead2cash.testing.SpreadsheetCells.rows(xlsx).stream()
                .filter(r -> "@SUM-1".equals(r.getCellText(0))).toList();
        assertThat(exported).as("the product, its code as typed").hasSize(1);
        com.lead2cash.testing.SpreadsheetCells.assertKeptAsText(xlsx, exported.get(0).getCell(0), "@SUM-1");
        com.lead2cash.testing.SpreadsheetCells.assertKeptAsText(xlsx, exported.get(0).getCell(1), name);
        var imported = importProducts(director, null, "产品目录.xlsx", xlsx);
        assertThat(imported).hasStatus(200);
        JsonNode product = support.getJson(mvc, director, "/api/v1/products?q=SUM-1").get("items").get(0);
        assertThat(product.get("code").asString()).isEqualTo("@SUM-1");
        assertThat(product.get("name").asString()).isEqualTo(name);
    }

    @Test
    void aZipBombWorkbookIsRefusedByTheSpreadsheetReadersLimitsWhileItIsReadAndImportsNothing() {
        var company = support.company("cat7");
        String director = support.bearer(mvc, company.director());
        long before = products();
        // one cell of 64 M letters packs into some kilobytes (the walk's 1.5 G one ran the server out of memory)
        var oneCell = importProducts(director, null, "bomb.xlsx", Workbooks.cellBomb("产品编码", 64L << 20));
        assertThat(oneCell).hasStatus(422).bodyJson().extractingPath("$.errors[0].code").isEqualTo("spreadsheet.cellTooLong");
        var manyRows = importProducts(director, null, "bomb.xlsx", Workbooks.zipBomb(400L << 20));
        assertThat(manyRows).hasStatus(422).bodyJson().extractingPath("$.errors[0].code").asString()
                .isIn("spreadsheet.packRatio", "spreadsheet.unpacksTooLarge");
        assertThat(products()).isEqualTo(before);
    }

    @Test
    void aListPriceNoSpreadsheetCellCanHoldIsRefusedFastAsANumericCellAndAsTextImportingNothing() {
        var company = support.company("cat-huge");
        String director = support.bearer(mvc, company.director());
        long before = products();
        String header = codeNamePriceAndTaxRow();
        // a numeric cell of 1E999999999, written out in full a billion digits: the walk's 1.6 KB file hung a thread
        for (String huge : List.of("1E400", "1E999999999", "-1E999999999", "1E-999999999")) {
            var refused = importProducts(director, null, "huge.xlsx", Workbooks.xlsx(header + "<row r=\"2\">"
                    + inline("A2", "HUGE-1") + inline("B2", "巨价") + "<c r=\"C2\"><v>" + huge + "</v></c>"
                    + "<c r=\"D2\"><v>13</v></c></row>", null, false));
            assertThat(refused).as(huge).hasStatus(422).bodyJson().extractingPath("$.errors[0].code")
                    .isEqualTo("spreadsheet.numberOutOfRange");
        }
        // the same as text (or in a .csv) is no number the import takes
        var asText = importProducts(director, null, "huge.xlsx", Workbooks.xlsx(header + "<row r=\"2\">"
                + inline("A2", "HUGE-2") + inline("B2", "巨价") + inline("C2", "1E999999999")
                + "<c r=\"D2\"><v>13</v></c></row>", null, false));
        assertThat(asText).hasStatus(422).bodyJson().extractingPath("$.errors[0].code").isEqualTo("catalog.import.notANumber");
        assertThat(products()).isEqualTo(before);
    }

    /**
     * A formula with no saved result (as tools other than Excel write them) is no empty cell and no text: the row is
     * refused on its column saying to paste it as a value, once; a formula with its saved result is that result.
     */
    @Test
    void aFormulaWithNoSavedResultIsRefusedOnItsColumnAndOneWithItsResultIsTaken() {
        var company = support.company("cat-formula");
        String director = support.bearer(mvc, company.director());
        long before = products();
        String header = codeNamePriceAndTaxRow();
        var refused = importProducts(director, "en", "formula.xlsx", Workbooks.xlsx(header
                + "<row r=\"2\">" + inline("A2", "FORMULA-UNSAVED") + "<c r=\"B2\" t=\"str\"><f>UPPER(\"fx\")</f></c>"
                + "<c r=\"C2\"><f>5*2</f></c><c r=\"D2\"><v>13</v></c></row>", null, false));
        assertThat(refused).hasStatus(422);
        assertThat(support.json(refused).get("errors").valueStream()
                .map(e -> e.get("field").asString() + " " + e.get("code").asString() + " " + e.get("message").asString()))
                .containsExactlyInAnyOrder(
                        "rows[2].name spreadsheet.formulaWithoutResult This cell holds a formula with no saved result:"
                                + " paste it as a value.",
                        "rows[2].listPrice spreadsheet.formulaWithoutResult This cell holds a formula with no saved result:"
                                + " paste it as a value.");
        assertThat(products()).isEqualTo(before);

        var cached = importProducts(director, null, "cached.xlsx", Workbooks.xlsx(header
                + "<row r=\"2\">" + inline("A2", "FORMULA-SAVED") + "<c r=\"B2\" t=\"str\"><f>UPPER(\"fx\")</f><v>FX</v></c>"
                + "<c r=\"C2\"><f>5*2</f><v>10</v></c><c r=\"D2\"><v>13</v></c></row>", null, false));
        assertThat(cached).hasStatus(200);
        assertThat(support.json(cached).get("created").asInt()).isEqualTo(1);
    }

    /** The header row of a sheet with the catalogue's four required columns. */
    private static String codeNamePriceAndTaxRow() {
        return "<row r=\"1\">" + inline("A1", "产品编码") + inline("B1", "产品名称") + inline("C1", "目录价（元，不含税）")
                + inline("D1", "税率（%）") + "</row>";
    }

    private static String inline(String ref, String text) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }

    @Test
    void aFileThatIsNoSpreadsheetIsRefusedSayingWhatItIsAndNamingTheXlsxAndCsvTheImportTakes() {
        var company = support.company("cat8");
        String director = support.bearer(mvc, company.director());
        long before = products();
        var refused = importProducts(director, "en", "产品目录.xlsx", com.lead2cash.files.TestFiles.pdf(4096, 8));
        assertThat(refused).hasStatus(422).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.errors[0].code").isEqualTo("catalog.import.notAWorkbook");
            assertThat(json).extractingPath("$.errors[0].message").asString().contains(".xlsx", ".csv");
        });
        // a picture renamed .xlsx is named as what it is, in the reader's language, nothing of it quoted back
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>SECRET</text></svg>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (String[] lang : new String[][] {{"en", "This file is a picture (SVG), not a CSV file or an Excel workbook (.xlsx)"},
                {"zh-CN", "此文件是一张图片（SVG），不是 CSV 文件或 Excel 工作簿（.xlsx）"}}) {
            var picture = importProducts(director, lang[0], "产品目录.xlsx", svg);
            assertThat(picture).hasStatus(422).bodyJson().extractingPath("$.errors[0].message").asString()
                    .startsWith(lang[1]).doesNotContain("SECRET", "svg+xml");
        }
        // text is read as CSV whatever it is called: without the catalogue's columns it is refused for them
        var text = importProducts(director, null, "产品目录.xlsx", "not a zip at all".getBytes());
        assertThat(text).hasStatus(422).bodyJson().extractingPath("$.errors[0].code").isEqualTo("catalog.import.unknownColumns");
        assertThat(products()).isEqualTo(before);
    }

    @Test
    void aCsvFileImportsWithTheSameColumnsInUtf8WithOrWithoutBomOrInGbkAndOneBadRowRefusesTheWholeFile() throws Exception {
        var company = support.company("cat-csv");
        String director = support.bearer(mvc, company.director());
        String header = "产品编码*,产品名称*,规格,单位,产品线,目录价（元，不含税）*,税率（%）*,启用\r\n";
        // as Excel saves "CSV UTF-8": a byte-order mark, quoted thousands, CRLF
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] withBom = concat(bom, (header + "CSVDC-1,数据采集器 CSV 型,4 口,台,物联网,\"1,200.50\",13,是\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var first = csvImport(director, "产品目录.csv", withBom);
        assertThat(first).as(body(first)).hasStatus(200);
        assertThat(support.json(first).get("created").asInt()).isEqualTo(1);
        JsonNode gateway = support.getJson(mvc, director, "/api/v1/products?q=CSVDC-1").get("items").get(0);
        assertThat(gateway.get("code").asString()).as("the BOM is not part of the first header").isEqualTo("CSVDC-1");
        assertThat(gateway.get("name").asString()).isEqualTo("数据采集器 CSV 型");
        assertThat(gateway.get("listPrice").decimalValue()).isEqualByComparingTo("1200.50");

        // without a BOM, English headers, a row updating by code and one adding
        var second = csvImport(director, "products.csv", """
                Code,Name,Unit,List price,Tax rate,Active
                CSVDC-1,数据采集器 CSV 型,台,1100,13,yes
                CSVDC-2,数据采集器 CSV 八路,台,1900,13,no
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(second).as(body(second)).hasStatus(200);
        assertThat(support.json(second).get("created").asInt()).isEqualTo(1);
        assertThat(support.json(second).get("updated").asInt()).isEqualTo(1);
        assertThat(support.getJson(mvc, director, "/api/v1/products?q=CSVDC-1").get("items").get(0).get("listPrice")
                .decimalValue()).isEqualByComparingTo("1100");

        // as Excel on Chinese Windows saves "CSV": GBK (read as GB18030, its superset)
        var gbk = csvImport(director, "产品目录.csv", (header + "CSVDC-3,数据采集器 国标编码,,台,物联网,300,6,启用\r\n")
                .getBytes(java.nio.charset.Charset.forName("GBK")));
        assertThat(gbk).as(body(gbk)).hasStatus(200);
        assertThat(support.getJson(mvc, director, "/api/v1/products?q=CSVDC-3").get("items").get(0).get("name").asString())
                .isEqualTo("数据采集器 国标编码");

        // as Excel's "Unicode text" and Notepad's "Unicode" save it: UTF-16 with its byte-order mark, little-endian in the
        // API and big-endian on the screen (read as GB18030 it was refused as "Unknown columns: �N罷…")
        var utf16 = csvImport(director, "产品目录.csv", ("\uFEFF" + header + "CSVDC-6,数据采集器 统一码,,台,物联网,300,6,启用\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        assertThat(utf16).as(body(utf16)).hasStatus(200);
        assertThat(support.getJson(mvc, director, "/api/v1/products?q=CSVDC-6").get("items").get(0).get("name").asString())
                .isEqualTo("数据采集器 统一码");
        var utf16Page = mvc.post().uri("/products/import?lang=en").cookie(support.session(mvc, company.director()))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .multipart().file(new MockMultipartFile("file", "产品目录.csv", null,
                        ("\uFEFF" + header + "CSVDC-7,数据采集器 大端,,台,物联网,300,6,启用\r\n")
                                .getBytes(java.nio.charset.StandardCharsets.UTF_16BE))).exchange();
        assertThat(body(utf16Page)).doesNotContain("Unknown columns");
        assertThat(support.getJson(mvc, director, "/api/v1/products?q=CSVDC-7").get("items").get(0).get("name").asString())
                .isEqualTo("数据采集器 大端");

        // all or nothing, every problem of every row named
        long before = products();
        byte[] bad = (header + "CSVDC-4,好产品,,个,,10,13,是\r\nCSVDC-5,,,个,,十元,13,也许\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var refused = csvImport(director, "bad.csv", bad);
        assertThat(refused).hasStatus(422);
        assertThat(support.json(refused).get("errors").valueStream()
                .map(e -> e.get("field").asString() + " " + e.get("code").asString()))
                .containsExactlyInAnyOrder("rows[3].listPrice catalog.import.notANumber",
                        "rows[3].name catalog.product.name.required", "rows[3].active catalog.import.notAYesNo");
        assertThat(products()).isEqualTo(before);
        var session = support.session(mvc, company.director());
        String page = body(mvc.post().uri("/products/import?lang=en").cookie(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .multipart().file(new MockMultipartFile("file", "bad.csv", null, bad)).exchange());
        assertThat(page).contains("3 problem(s)", "Enter the product name.", "十元", "<td>List price</td>");
        assertThat(products()).isEqualTo(before);
        assertThat(body(mvc.get().uri("/products/import?lang=en").cookie(session).exchange()))
                .contains("accept=\".xlsx,.csv\"", "Import from Excel or CSV");
    }

    /** An .xlsx import through the API, read in the given language (null: none asked). */
    private org.springframework.test.web.servlet.assertj.MvcTestResult importProducts(String token, String language,
            String name, byte[] content) {
        var request = mvc.post().uri("/api/v1/products/import").header(HttpHeaders.AUTHORIZATION, token);
        if (language != null) {
            request = request.header(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        return request.multipart().file(new MockMultipartFile("file", name, null, content)).exchange();
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult csvImport(String token, String name, byte[] content) {
        return mvc.post().uri("/api/v1/products/import").header(HttpHeaders.AUTHORIZATION, token)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").multipart()
                .file(new MockMultipartFile("file", name, "text/csv", content)).exchange();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String body(org.springframework.test.web.servlet.assertj.MvcTestResult result) {
        return new String(result.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] workbook(Object[][] rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "test", "1.0")) {
            Worksheet ws = wb.newWorksheet("产品目录");
            String[] header = {"产品编码*", "产品名称*", "规格", "单位", "产品线", "目录价（元，不含税）*", "税率（%）*", "启用"};
            for (int c = 0; c < header.length; c++) {
                ws.value(0, c, header[c]);
            }
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof BigDecimal d) {
                        ws.value(r + 1, c, d);
                    } else if (v != null) {
                        ws.value(r + 1, c, v.toString());
                    }
                }
            }
            ws.finish();
        }
        return out.toByteArray();
    }
}
