package com.lead2cash.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.Role;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.LiveHeap;
import com.lead2cash.testing.Workbooks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploads against the real server (Tomcat's own multipart limits): a realistic 50 000-row file fits,
 * a larger one is answered 413 in the API and with a readable message on the page, and zip bombs are
 * refused while the heap stays bounded and the server keeps answering. The application's scheduler
 * is off, so accepted imports stay queued and the test measures the upload alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"l2c.demo=false", "L2C_ADMIN_PASSWORD=" + Fixtures.ADMIN_PASSWORD, "server.shutdown=immediate",
                "l2c.lead.jobs-delay=1h", "l2c.scheduler.enabled=false"})
class LeadImportUploadTest {

    private static final String[] HEADERS = {"公司名称*", "统一社会信用代码", "来源渠道*", "来源说明", "行业", "区域", "意向产品线",
            "联系人", "职务", "电话", "电子邮箱", "预算（元）", "计划采购日期", "联系人有决策权", "决策链说明", "备注"};

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private String token(String username, String password) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return "Bearer " + json.readTree(response.body()).get("token").asString();
    }

    private static final String BOUNDARY = "----l2c-test-boundary";

    private static byte[] multipart(String fileName, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\nVALID_ROWS\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /**
     * Waits up to five minutes: four zip bombs read at once on two cores shared with the other test JVM took more
     * than two in one CI run; the limit only guards against a hang, speed is the benchmarks' business.
     */
    private HttpResponse<String> upload(String bearer, String fileName, byte[] content) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/v1/leads/imports")).timeout(Duration.ofMinutes(5))
                .header("Authorization", bearer).header("Accept-Language", "en")
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(fileName, content))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A workbook or CSV of {@code rows} fully filled, realistic lead rows (every column of the template). */
    private static byte[] realistic(int rows, boolean xlsx) throws IOException {
        Random random = new Random(1);
        String[] industries = {"制造业", "软件和信息技术服务业", "金融业", "批发和零售业"};
        String[] regions = {"浙江省杭州市西湖区", "广东省深圳市南山区", "上海市浦东新区", "四川省成都市武侯区"};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder csv = new StringBuilder(String.join(",", HEADERS)).append("\r\n");
        try (Workbook wb = new Workbook(xlsx ? out : OutputStreamSink.INSTANCE, "test", "1.0")) {
            Worksheet ws = wb.newWorksheet("线索");
            for (int c = 0; c < HEADERS.length; c++) {
                ws.value(0, c, HEADERS[c]);
            }
            for (int i = 1; i <= rows; i++) {
                String[] row = {"杭州某某智能科技有限公司" + i, "91330100MA2" + String.format("%07d", i), "展会",
                        "2026杭州国际工业博览会", industries[random.nextInt(4)], regions[random.nextInt(4)], "智能制造解决方案",
                        "张伟" + i, "采购经理", "139" + String.format("%08d", i), "zhang.wei" + i + "@example.com.cn",
                        String.valueOf(50_000 + random.nextInt(900_000)), LocalDate.of(2027, 1, 1).plusDays(random.nextInt(300)).toString(),
                        "是", "采购经理提需求，技术总监评估，总经理拍板", "展会现场交流，对产线数字化改造有兴趣，希望下月安排演示"};
                if (xlsx) {
                    for (int c = 0; c < row.length; c++) {
                        ws.value(i, c, row[c]);
                    }
                } else {
                    csv.append(String.join(",", row)).append("\r\n");
                }
            }
            ws.finish();
        }
        return xlsx ? out.toByteArray() : csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Where the CSV branch sends the unused workbook. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
            // discarded
        }
    }

    @Test
    void aRealisticFileOfFiftyThousandRowsIsAcceptedAsXlsxAndAsCsv() throws Exception {
        String admin = token("admin", Fixtures.ADMIN_PASSWORD);
        for (boolean xlsx : new boolean[] {true, false}) {
            byte[] file = realistic(50_000, xlsx);
            HttpResponse<String> response = upload(admin, xlsx ? "fifty-thousand.xlsx" : "fifty-thousand.csv", file);
            System.out.printf("UPLOAD 50 000 realistic rows as %s: %.1f MB%n", xlsx ? "xlsx" : "csv", file.length / 1048576.0);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            String id = json.readTree(response.body()).get("id").asString();
            assertThat(jdbc.sql("select total_rows from lead_import where id = cast(:id as uuid)").param("id", id)
                    .query(Integer.class).single()).isEqualTo(50_000);
            // not to be imported here: out of the way of the other tests' limits
            jdbc.sql("delete from lead_import where id = cast(:id as uuid)").param("id", id).update();
        }
    }

    @Test
    void theApisUploadTooLargeProblemCarriesTheProductsSecurityHeaders() throws Exception {
        byte[] tooLarge = new byte[40 << 20];
        java.util.Arrays.fill(tooLarge, (byte) 'a');
        String admin = token("admin", Fixtures.ADMIN_PASSWORD);
        for (String path : List.of("/api/v1/leads/imports", "/api/v1/customers/imports")) {
            HttpResponse<String> api = http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(5))
                    .header("Authorization", admin).header("Accept-Language", "en")
                    .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(multipart("huge.csv", tooLarge))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).as(path).isEqualTo(413);
            assertThat(json.readTree(api.body()).get("code").asString()).as(path).isEqualTo("error.uploadTooLarge");
            assertThat(api.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(api.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(api.headers().firstValue("Cache-Control")).as(path)
                    .hasValue("no-cache, no-store, max-age=0, must-revalidate");
        }
    }

    @Test
    void aFileAboveTheUploadLimitIs413InTheApiAndAReadableMessageOnThePage() throws Exception {
        byte[] tooLarge = new byte[40 << 20];
        java.util.Arrays.fill(tooLarge, (byte) 'a');
        HttpResponse<String> api = upload(token("admin", Fixtures.ADMIN_PASSWORD), "huge.csv", tooLarge);
        assertThat(api.statusCode()).isEqualTo(413);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        JsonNode problem = json.readTree(api.body());
        assertThat(problem.get("code").asString()).isEqualTo("error.uploadTooLarge");
        assertThat(problem.get("detail").asString()).contains("32 MB");

        // the page: sign in as a browser does, post the form, follow the answer back to the import screen
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        browser.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + Fixtures.ADMIN_PASSWORD
                        + "&_csrf=" + hidden(login, "_csrf"))).build(), HttpResponse.BodyHandlers.ofString());
        String form = browser.send(HttpRequest.newBuilder(uri("/leads/imports?lang=zh-CN")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher action = Pattern.compile("<form[^>]*action=\"([^\"]+)\"[^>]*id=\"import-form\"").matcher(form);
        assertThat(action.find()).isTrue();
        HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(uri(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart("huge.csv", tooLarge))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/leads/imports"));
        String page = browser.send(HttpRequest.newBuilder(uri("/leads/imports")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("id=\"flash-error\"", "文件超过32 MB");

        // a form on another screen (a contract's signing on the contract's page) goes back to that screen, never to
        // another site's address a referrer names
        java.util.Map<String, String> screens = java.util.Map.of(uri("/leads?grade=A").toString(), "/leads?grade=A",
                uri("/") + "/evil.example/x", "/leads/imports",
                "http://evil.example/leads", "/leads/imports");
        for (var referrer : screens.entrySet()) {
            HttpResponse<String> back = browser.send(HttpRequest.newBuilder(uri(action.group(1).replace("&amp;", "&")))
                    .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).header("Referer", referrer.getKey())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(multipart("huge.csv", tooLarge))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(back.headers().firstValue("Location")).as(referrer.getKey())
                    .hasValueSatisfying(l -> assertThat(l).endsWith(referrer.getValue()).doesNotContain("evil"));
        }
        assertThat(browser.send(HttpRequest.newBuilder(uri("/leads?grade=A")).build(), HttpResponse.BodyHandlers.ofString())
                .body()).contains("id=\"flash-error\"", "文件超过32 MB");
    }

    @Test
    void aFileAboveTheUploadLimitOnAFormThatPostsElsewhereLandsBackOnTheScreenHoldingTheForm() throws Exception {
        byte[] tooLarge = new byte[40 << 20];
        java.util.Arrays.fill(tooLarge, (byte) 'a');
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        browser.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + Fixtures.ADMIN_PASSWORD
                        + "&_csrf=" + hidden(login, "_csrf"))).build(), HttpResponse.BodyHandlers.ofString());

        // the calendar's import form, posted as the calendar screen has it, with no referrer: back to the calendar
        // (the import address only takes posts: the browser's GET there was a 405), the message shown at once
        String calendar = browser.send(HttpRequest.newBuilder(uri("/admin/calendar?lang=en")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher action = Pattern.compile("<form[^>]*action=\"([^\"]+)\"[^>]*id=\"import-form\"").matcher(calendar);
        assertThat(action.find()).isTrue();
        HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(uri(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart("calendar.csv", tooLarge))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(302);
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/admin/calendar");
        HttpResponse<String> screen = browser.send(HttpRequest.newBuilder(uri("/admin/calendar")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(screen.statusCode()).isEqualTo(200);
        assertThat(screen.body()).contains("id=\"flash-error\"", "The file is larger than 32 MB");

        // every other screen upload: the page its form is on (a record's page for a form posting below it)
        UUID id = UUID.randomUUID();
        java.util.Map<String, String> screens = java.util.Map.of(
                "/products/import", "/products/import",
                "/customers/imports", "/customers/imports",
                "/contracts/" + id + "/signing", "/contracts/" + id,
                "/contracts/" + id + "/amendments", "/contracts/" + id,
                "/complaints/" + id + "/evidence", "/complaints/" + id,
                "/orders/" + id + "/acceptance", "/orders/" + id);
        for (var form : screens.entrySet()) {
            HttpResponse<String> back = browser.send(HttpRequest.newBuilder(uri(form.getKey()))
                    .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(multipart("huge.pdf", tooLarge))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(back.statusCode()).as(form.getKey()).isEqualTo(302);
            assertThat(back.headers().firstValue("Location")).as(form.getKey())
                    .hasValueSatisfying(l -> assertThat(l).endsWith(form.getValue()));
        }
    }

    @Test
    void aFileNameWithANulIs422AProblemInTheApiAndTheErrorPageOnAScreen() throws Exception {
        // the container refused the name while the upload was read: 500 with Spring's default body, an ERROR stack
        HttpResponse<String> api = upload(token("admin", Fixtures.ADMIN_PASSWORD), "evil\0.exe.pdf",
                "公司名称*,来源渠道*\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(api.statusCode()).as(api.body()).isEqualTo(422);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(json.readTree(api.body()).get("code").asString()).isEqualTo("error.input.controlCharacter");

        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        browser.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + Fixtures.ADMIN_PASSWORD
                        + "&_csrf=" + hidden(login, "_csrf"))).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(uri("/leads/imports"))
                .header("Accept-Language", "en").header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart("evil\0.csv", new byte[] {'a'}))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body()).contains("id=\"error-detail\"", "control character");
    }

    /** A multipart body of the given fields and one file, as a browser sends a form. */
    private static byte[] form(java.util.Map<String, String> fields, String fileName, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"")
                .append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        head.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: text/csv\r\n\r\n");
        body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private HttpResponse<String> post(HttpClient client, String path, String bearer, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept-Language", "en")
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aLongFileNameIsAcceptedAndOnePastThePartHeaderLimitIsRefusedForItsNameNeverForItsSize() throws Exception {
        // Tomcat's 512 bytes for a part's headers (the file name is in them) refused 450 letters or 160 Chinese
        // characters as a file "larger than 32 MB", in the API and on the screen
        String admin = token("admin", Fixtures.ADMIN_PASSWORD);
        String header = "产品编码*,产品名称*,规格,单位,产品线,目录价（元，不含税）*,税率（%）*,启用\r\n";
        String code = "LONGNAME-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        String[] names = {"a".repeat(450) + ".csv", "产".repeat(160) + ".csv"};
        for (int i = 0; i < names.length; i++) {
            HttpResponse<String> imported = post(http, "/api/v1/products/import", admin, form(java.util.Map.of(), names[i],
                    (header + code + "-" + i + ",长名称产品,,台,,300,6,启用\r\n").getBytes(StandardCharsets.UTF_8)));
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            assertThat(json.readTree(imported.body()).get("created").asInt()).isEqualTo(1);
        }

        // a lead import keeps the name as every upload is kept: its file, at most 255 characters, the extension kept
        String leads = String.join(",", HEADERS) + "\r\n长名称线索" + code + "有限公司,,展会" + ",".repeat(13) + "\r\n";
        HttpResponse<String> lead = upload(admin, "导入/" + "线".repeat(300) + ".csv", leads.getBytes(StandardCharsets.UTF_8));
        assertThat(lead.statusCode()).as(lead.body()).isEqualTo(202);
        String leadImport = json.readTree(lead.body()).get("id").asString();
        assertThat(jdbc.sql("select file_name from lead_import where id = cast(:id as uuid)").param("id", leadImport)
                .query(String.class).single()).hasSize(255).startsWith("线线").endsWith("线.csv");
        jdbc.sql("delete from lead_import where id = cast(:id as uuid)").param("id", leadImport).update();

        // past even the raised limit: refused for its name, 422 with its own message, never the size's
        String endless = "产".repeat(3000) + ".csv";
        byte[] oneRow = (header + code + "-X,长名称产品,,台,,300,6,启用\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> api = post(http, "/api/v1/products/import", admin, form(java.util.Map.of(), endless, oneRow));
        assertThat(api.statusCode()).as(api.body()).isEqualTo(422);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        JsonNode problem = json.readTree(api.body());
        assertThat(problem.get("code").asString()).isEqualTo("error.uploadNameTooLong");
        assertThat(problem.get("detail").asString()).contains("file name is too long").doesNotContain("32 MB");

        // the screen: the long name imports, the endless one comes back to the form saying so
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        browser.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + Fixtures.ADMIN_PASSWORD
                        + "&_csrf=" + hidden(login, "_csrf"))).build(), HttpResponse.BodyHandlers.ofString());
        String page = browser.send(HttpRequest.newBuilder(uri("/products/import?lang=zh-CN")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        java.util.Map<String, String> csrf = java.util.Map.of("_csrf", hidden(page, "_csrf"));
        HttpResponse<String> accepted = post(browser, "/products/import", null, form(csrf, "产".repeat(160) + ".csv",
                (header + code + "-S,长名称产品,,台,,300,6,启用\r\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(302);
        assertThat(accepted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/products"));
        assertThat(browser.send(HttpRequest.newBuilder(uri("/products")).build(), HttpResponse.BodyHandlers.ofString()).body())
                .contains("id=\"flash-success\"").doesNotContain("文件超过32 MB");
        HttpResponse<String> back = post(browser, "/products/import", null, form(csrf, endless, oneRow));
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/products/import"));
        assertThat(browser.send(HttpRequest.newBuilder(uri("/products/import")).build(), HttpResponse.BodyHandlers.ofString())
                .body()).contains("id=\"flash-error\"", "文件名过长").doesNotContain("文件超过32 MB");
        assertThat(jdbc.sql("select code from catalog_product where code like :code").param("code", code + "%")
                .query(String.class).list()).containsExactlyInAnyOrder(code + "-0", code + "-1", code + "-S");
    }

    private static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\"[^>]*value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void zipBombsUploadedTogetherAreRefusedWhileHeapStaysBoundedAndTheServerKeepsAnswering() throws Exception {
        byte[] bomb = Workbooks.zipBomb(400L << 20);
        byte[] textBomb = Workbooks.sharedStringBomb(400L << 20);
        List<String> bearers = new ArrayList<>();
        bearers.add(token("admin", Fixtures.ADMIN_PASSWORD));
        for (int i = 0; i < 3; i++) {
            String name = "bomb" + i + "." + UUID.randomUUID().toString().substring(0, 4);
            fixtures.user(name, fixtures.rootUnit(), LocalDate.of(2020, 1, 1), Role.MARKETING);
            bearers.add(token(name, Fixtures.PASSWORD));
        }
        LiveHeap heap = new LiveHeap();
        long before = heap.collect();
        long peakUsed;
        try (HeapUse watch = new HeapUse()) {
            heap.sampleEverySecond();
            List<CompletableFuture<HttpResponse<String>>> uploads = new ArrayList<>();
            for (int i = 0; i < bearers.size(); i++) {
                String bearer = bearers.get(i);
                byte[] file = i % 2 == 0 ? bomb : textBomb;
                uploads.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return upload(bearer, "bomb.xlsx", file);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            // while they are being read, the server answers others
            // generous: on a machine shared with other builds the uploads may start late
            Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20)).until(() -> jdbc.sql(
                    "select count(*) from lead_import where state = 'RECEIVING'").query(Integer.class).single() >= 2);
            long asked = System.nanoTime();
            // the bound is one minute for the whole answer, connecting included (the shared client gives up connecting
            // after 10 s, and the test JVM's own full collections can hold a connect that long on a loaded machine)
            HttpClient another = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(60)).build();
            HttpResponse<String> other = another.send(HttpRequest.newBuilder(uri("/api/v1/me")).timeout(Duration.ofSeconds(60))
                    .header("Authorization", bearers.get(0)).build(), HttpResponse.BodyHandlers.ofString());
            System.out.printf("OTHER request answered in %d ms while %d uploads were being read%n",
                    (System.nanoTime() - asked) / 1_000_000, jdbc.sql("select count(*) from lead_import where state = 'RECEIVING'")
                            .query(Integer.class).single());
            assertThat(other.statusCode()).isEqualTo(200);
            for (CompletableFuture<HttpResponse<String>> upload : uploads) {
                HttpResponse<String> response = upload.get(5, TimeUnit.MINUTES);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
                JsonNode problem = json.readTree(response.body());
                assertThat(problem.get("errors").get(0).get("code").asString())
                        .isIn("spreadsheet.packRatio", "spreadsheet.tooMuchText");
                assertThat(problem.get("errors").get(0).get("message").asString()).isNotBlank();
            }
            peakUsed = watch.peak.get();
        } finally {
            heap.close();
        }
        long peakLive = heap.peak();
        long after;
        try (LiveHeap afterwards = new LiveHeap()) {
            after = afterwards.collect();
        }
        System.out.printf("HEAP zip bombs (4 at once, 2 x %d KB and 2 x %d KB, unpacking to 400 MB each): "
                        + "before %d MB, highest used during %d MB, highest live during %d MB, after %d MB%n",
                bomb.length / 1024, textBomb.length / 1024, before >> 20, peakUsed >> 20, peakLive >> 20, after >> 20);
        assertThat(heap.collections()).as("full collections ran during the uploads").isGreaterThan(1);
        assertThat(peakLive - before).as("live heap during the uploads").isLessThan(64L << 20);
        assertThat(after - before).as("heap kept after the uploads").isLessThan(32L << 20);
        assertThat(jdbc.sql("select count(*) from lead_import where file_name = 'bomb.xlsx'").query(Integer.class).single())
                .as("a refused upload leaves no import").isZero();
    }

    /** Samples heap use, garbage included, every few milliseconds: what the uploads cost at their busiest. */
    private static final class HeapUse implements AutoCloseable {
        final AtomicLong peak = new AtomicLong();
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

        HeapUse() {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                    0, 5, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            sampler.shutdownNow();
        }
    }
}
