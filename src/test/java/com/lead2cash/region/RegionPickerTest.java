package com.lead2cash.region;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.Role;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The picker's htmx requests: what it posts, shows and offers after each interaction. */
@IntegrationTest
class RegionPickerTest {

    private static final Pattern VALUE = Pattern.compile("class=\"region-value\" name=\"(\\w+)\"\\s+value=\"([^\"]*)\"");
    private static final Pattern SUGGESTION = Pattern.compile("data-code=\"(\\d{6})\">\\s*<span>([^<]+)</span>");

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;

    Cookie session;

    @BeforeEach
    void signIn() {
        String username = "rep" + System.identityHashCode(this);
        fixtures.user(username, fixtures.rootUnit(), LocalDate.of(2020, 1, 1), Role.SALES_REP);
        session = fixtures.session(mvc, username, Fixtures.PASSWORD);
    }

    private String get(String uri) throws java.io.UnsupportedEncodingException {
        var result = mvc.get().uri(uri).cookie(session).exchange();
        assertThat(result).as(uri).hasStatusOk();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The values the picker posts with its form. */
    private static List<String> posted(String html, String field) {
        return VALUE.matcher(html).results().filter(m -> m.group(1).equals(field)).map(m -> m.group(2)).toList();
    }

    private static List<String> suggested(String html) {
        return SUGGESTION.matcher(html).results().map(m -> m.group(1) + " " + m.group(2)).toList();
    }

    private static String selected(String html, String list) {
        Matcher select = Pattern.compile("name=\"picker\\." + list + "\"(.*?)</select>", Pattern.DOTALL).matcher(html);
        if (!select.find()) {
            return null;
        }
        Matcher option = Pattern.compile("<option value=\"(\\d*)\" selected=\"selected\"").matcher(select.group(1));
        return option.find() ? option.group(1) : "";
    }

    @Test
    void pickingADivisionPostsItsCodeAndOpensTheListsAtIt() throws Exception {
        String picker = get("/regions/picker?picker.field=region&picker.pick=330106&lang=zh-CN");
        assertThat(posted(picker, "region")).containsExactly("330106");
        assertThat(picker).contains("浙江省杭州市西湖区");
        assertThat(selected(picker, "province")).isEqualTo("330000");
        assertThat(selected(picker, "city")).isEqualTo("330100");
        assertThat(selected(picker, "county")).isEqualTo("330106");
        assertThat(picker).contains(">余杭区</option>");
        assertThat(picker).as("the picker's own controls stay out of the form")
                .containsPattern("name=\"picker.q\" form=\"region-picker-none\"")
                .containsPattern("name=\"picker.province\" form=\"region-picker-none\"");
    }

    @Test
    void choosingAProvinceThenACityChoosesTheMostSpecific() throws Exception {
        String province = get("/regions/picker?picker.field=region&picker.changed=province&picker.province=330000");
        assertThat(posted(province, "region")).containsExactly("330000");
        assertThat(selected(province, "city")).as("whole province").isEqualTo("");
        assertThat(province).contains("<option value=\"330100\">杭州市</option>");
        assertThat(selected(province, "county")).isNull();

        String city = get("/regions/picker?picker.field=region&region=330000&picker.changed=city"
                + "&picker.province=330000&picker.city=330100&picker.county=");
        assertThat(posted(city, "region")).containsExactly("330100");
        assertThat(city).contains(">西湖区</option>");

        String municipality = get("/regions/picker?picker.field=region&picker.changed=province&picker.province=310000");
        assertThat(municipality).as("a municipality lists its districts at once").contains(">浦东新区</option>")
                .doesNotContain("市辖区");
    }

    @Test
    void typedTextThatNamesNoDivisionIsKeptAndFlagged() throws Exception {
        String picker = get("/regions/picker?picker.field=region&picker.pick=火星基地&lang=zh-CN");
        assertThat(posted(picker, "region")).containsExactly("火星基地");
        assertThat(picker).contains("text-bg-warning").contains("未识别");
        String english = get("/regions/picker?picker.field=region&region=火星基地&lang=en");
        assertThat(english).contains("not recognised");
    }

    @Test
    void suggestionsOfferTheDivisionForPinyinAndInitials() throws Exception {
        for (String q : new String[] {"hangzhou", "hz", "杭州"}) {
            List<String> suggestions = suggested(get("/regions/picker/suggestions?picker.field=region&picker.q=" + q));
            assertThat(suggestions).as(q).isNotEmpty().first().isEqualTo("330100 浙江省杭州市");
        }
        assertThat(get("/regions/picker/suggestions?picker.field=region&picker.q=qqqq&lang=zh-CN"))
                .contains("没有匹配的行政区划");
    }

    @Test
    void aMultiplePickerAddsAndDropsDivisions() throws Exception {
        String two = get("/regions/picker?picker.field=regions&picker.multiple=true&regions=330000&picker.pick=440300");
        assertThat(posted(two, "regions")).containsExactly("330000", "440300");
        String again = get("/regions/picker?picker.field=regions&picker.multiple=true&regions=330000&regions=440300"
                + "&picker.pick=330000");
        assertThat(posted(again, "regions")).as("no duplicates").containsExactly("330000", "440300");
        String one = get("/regions/picker?picker.field=regions&picker.multiple=true&regions=330000&regions=440300"
                + "&picker.drop=330000");
        assertThat(posted(one, "regions")).containsExactly("440300");
        String browsing = get("/regions/picker?picker.field=regions&picker.multiple=true&regions=440300"
                + "&picker.changed=province&picker.province=330000&lang=zh-CN");
        assertThat(posted(browsing, "regions")).as("browsing adds nothing").containsExactly("440300");
        assertThat(browsing).contains("添加 浙江省");
    }

    @Test
    void aFieldNameThatIsNotOneIsRefused() throws Exception {
        assertThat(mvc.get().uri("/regions/picker?picker.field=\"><script>").cookie(session).exchange())
                .hasStatus(HttpStatus.BAD_REQUEST);
    }
}
