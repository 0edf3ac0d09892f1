package com.lead2cash.region.internal;

import com.lead2cash.region.RegionLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The short names people write for a division (简称 without the 省/市/区/县 suffix): 杭州 for 杭州市,
 * 广西 for 广西壮族自治区, 大理 for 大理白族自治州, 石柱 for 石柱土家族自治县, 浦东 for 浦东新区. A short name has at least two
 * characters (城区 and 单县 have none); development zones have none, since nobody shortens 苏州工业园区.
 */
final class PlaceNames {

    private static final Map<String, List<String>> AUTONOMOUS_REGIONS = Map.of(
            "内蒙古自治区", List.of("内蒙古", "内蒙"),
            "广西壮族自治区", List.of("广西"),
            "西藏自治区", List.of("西藏"),
            "宁夏回族自治区", List.of("宁夏"),
            "新疆维吾尔自治区", List.of("新疆"));

    /** Ethnic groups as autonomous areas name them; longest first so 哈萨克 is not taken for 哈. */
    private static final List<String> ETHNIC_GROUPS = List.of(
            "乌孜别克", "柯尔克孜", "维吾尔", "哈萨克", "塔吉克", "达斡尔", "鄂伦春", "鄂温克", "俄罗斯", "塔塔尔",
            "蒙古", "朝鲜", "土家", "哈尼", "傈僳", "拉祜", "东乡", "纳西", "景颇", "仫佬", "布朗", "撒拉", "毛南",
            "仡佬", "锡伯", "阿昌", "普米", "布依", "德昂", "保安", "裕固", "独龙", "赫哲", "门巴", "珞巴", "基诺",
            "高山", "回", "藏", "苗", "彝", "壮", "满", "侗", "瑶", "白", "傣", "黎", "佤", "畲", "水", "土", "羌",
            "怒", "京");

    private static final List<String> AUTONOMY_SUFFIXES = List.of("自治州", "自治县", "自治旗", "自治区");
    private static final List<String> SUFFIXES = List.of("地区", "林区", "特区", "新区", "省", "市", "区", "县", "旗", "盟");

    private PlaceNames() {
    }

    static List<String> shortNames(String name, RegionLevel level, boolean developmentZone) {
        if (developmentZone) {
            return List.of();
        }
        if (level == RegionLevel.PROVINCE && AUTONOMOUS_REGIONS.containsKey(name)) {
            return AUTONOMOUS_REGIONS.get(name);
        }
        String stem = stem(name);
        List<String> names = new ArrayList<>();
        if (stem.length() >= 2 && !stem.equals(name)) {
            names.add(stem);
        }
        return names;
    }

    private static String stem(String name) {
        for (String suffix : AUTONOMY_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return withoutEthnicGroups(name.substring(0, name.length() - suffix.length()));
            }
        }
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    /** 海西蒙古族藏族 → 海西, 博尔塔拉蒙古 → 博尔塔拉; single-character groups only with 族 (长白朝鲜族 → 长白). */
    private static String withoutEthnicGroups(String rest) {
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String group : ETHNIC_GROUPS) {
                if (rest.endsWith(group + "族")) {
                    rest = rest.substring(0, rest.length() - group.length() - 1);
                    stripped = true;
                    break;
                }
                if (group.length() > 1 && rest.endsWith(group) && rest.length() > group.length()) {
                    rest = rest.substring(0, rest.length() - group.length());
                    stripped = true;
                    break;
                }
            }
        }
        return rest;
    }
}
