package com.lead2cash.region.internal;

import com.lead2cash.region.Region;
import com.lead2cash.region.RegionLevel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One administrative division (行政区划) of the shipped data: its six-digit code, level, official name,
 * the short names people write (杭州 for 杭州市, 广西 for 广西壮族自治区) and its place in the tree.
 */
final class Division {

    private final String code;
    private final RegionLevel level;
    private final String name;
    private final Division parent;
    private final List<String> aliases;
    private final List<Division> children = new ArrayList<>();
    /** For a province: names of its placeholder prefectures (市辖区, 县, 省直辖县级行政区划) that text may carry. */
    private final List<String> placeholderNames = new ArrayList<>();
    private final boolean developmentZone;

    Division(String code, RegionLevel level, String name, Division parent, List<String> aliases, boolean developmentZone) {
        this.code = code;
        this.level = level;
        this.name = name;
        this.parent = parent;
        this.aliases = List.copyOf(aliases);
        this.developmentZone = developmentZone;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    String code() { return code; }
    RegionLevel level() { return level; }
    String name() { return name; }
    Division parent() { return parent; }
    List<String> aliases() { return aliases; }
    List<Division> children() { return Collections.unmodifiableList(children); }
    List<String> placeholderNames() { return Collections.unmodifiableList(placeholderNames); }
    /** 开发区/园区 the statistics bureau lists among counties (codes ending 71–79). */
    boolean developmentZone() { return developmentZone; }

    void addPlaceholderName(String placeholder) {
        if (!placeholderNames.contains(placeholder)) {
            placeholderNames.add(placeholder);
        }
    }

    /** This division or one of its ancestors is {@code ancestor}. */
    boolean isWithin(Division ancestor) {
        for (Division d = this; d != null; d = d.parent) {
            if (d == ancestor) {
                return true;
            }
        }
        return false;
    }

    Division province() {
        Division d = this;
        while (d.parent != null) {
            d = d.parent;
        }
        return d;
    }

    /** 浙江省杭州市西湖区, 上海市浦东新区, 河南省济源市. */
    String fullName() {
        return parent == null ? name : parent.fullName() + name;
    }

    Region region() {
        return regionEnteredAs(fullName());
    }

    Region regionEnteredAs(String entered) {
        String province = province().name;
        String city = switch (level) {
            case CITY -> name;
            case COUNTY -> parent.level == RegionLevel.CITY ? parent.name : null;
            default -> null;
        };
        String county = level == RegionLevel.COUNTY ? name : null;
        return new Region(code, level, fullName(), province, city, county, entered);
    }

    @Override
    public String toString() {
        return code + " " + fullName();
    }
}
