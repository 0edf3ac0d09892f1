package com.lead2cash.region.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.region.Region;
import com.lead2cash.region.Regions;
import org.junit.jupiter.api.Test;

/** What other modules ask of the divisions: covers, specificity, codes, children. */
class ChinaRegionsTest {

    private final Regions regions = new ChinaRegions();

    @Test
    void aProvinceCoversItsCitiesAndCountiesAndACityItsCounties() {
        assertThat(regions.covers("330000", "330100")).isTrue();
        assertThat(regions.covers("330000", "330106")).isTrue();
        assertThat(regions.covers("33", "330106")).as("short codes are padded").isTrue();
        assertThat(regions.covers("330100", "330106")).isTrue();
        assertThat(regions.covers("330100", "330100")).as("a division covers itself").isTrue();
        assertThat(regions.covers("310000", "310115")).as("a municipality covers its districts").isTrue();
        assertThat(regions.covers("330106", "330100")).as("a county does not cover its city").isFalse();
        assertThat(regions.covers("330100", "360103")).as("南昌's 西湖区 is not 杭州's").isFalse();
        assertThat(regions.covers("210000", "110105")).as("北京朝阳区 is not in 辽宁").isFalse();
        assertThat(regions.covers("330000", "999999")).isFalse();
        assertThat(regions.covers("999999", "330106")).isFalse();
        assertThat(regions.covers(null, "330106")).isFalse();
    }

    @Test
    void specificityIsTheLevel() {
        assertThat(regions.specificity("330000")).isEqualTo(1);
        assertThat(regions.specificity("330100")).isEqualTo(2);
        assertThat(regions.specificity("330106")).isEqualTo(3);
        assertThat(regions.specificity("310115")).as("a district of a municipality is a county").isEqualTo(3);
        assertThat(regions.specificity("999999")).isZero();
    }

    @Test
    void childrenSkipThePlaceholderPrefectures() {
        assertThat(regions.children(null)).hasSize(31).first().extracting(Region::name).isEqualTo("北京市");
        assertThat(regions.children("310000")).extracting(Region::name).contains("上海市浦东新区").hasSize(16);
        assertThat(regions.children("500000")).as("重庆's 市辖区 and 县 together").hasSize(38);
        assertThat(regions.children("410000")).extracting(Region::name).contains("河南省郑州市", "河南省济源市");
        assertThat(regions.children("330100")).extracting(Region::countyName).contains("西湖区");
        assertThat(regions.children("441900")).as("东莞 has no counties").isEmpty();
        assertThat(regions.children("999999")).isEmpty();
    }

    @Test
    void byCodeFindsDivisionsAndKeepsUnknownCodesAsEntered() {
        assertThat(regions.byCode("3301")).map(Region::name).contains("浙江省杭州市");
        assertThat(regions.byCode("110100")).as("北京's 市辖区 is 北京").map(Region::code).contains("110000");
        assertThat(regions.byCode("hangzhou")).isEmpty();
        Region unknown = regions.byCodeOrUnresolved("999999");
        assertThat(unknown.resolved()).isFalse();
        assertThat(unknown.entered()).isEqualTo("999999");
    }

    @Test
    void lineageRunsFromTheProvinceDown() {
        assertThat(regions.lineage("330106")).extracting(Region::code).containsExactly("330000", "330100", "330106");
        assertThat(regions.lineage("310115")).extracting(Region::code).containsExactly("310000", "310115");
        assertThat(regions.lineage("33")).extracting(Region::code).containsExactly("330000");
        assertThat(regions.lineage("999999")).isEmpty();
    }

    @Test
    void aCodeResolvesEnteredAsTheDivisionsName() {
        assertThat(regions.resolve("330106")).map(Region::entered).contains("浙江省杭州市西湖区");
        assertThat(regions.resolve("杭州西湖")).map(Region::entered).contains("杭州西湖");
    }

    @Test
    void candidatesExplainAnAmbiguousName() {
        assertThat(regions.candidates("西湖区")).extracting(Region::name)
                .containsExactly("浙江省杭州市西湖区", "江西省南昌市西湖区");
        assertThat(regions.candidates("杭州西湖区")).extracting(Region::code).containsExactly("330106");
        assertThat(regions.candidates("火星")).isEmpty();
    }
}
