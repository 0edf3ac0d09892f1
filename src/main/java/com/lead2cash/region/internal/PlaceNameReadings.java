package com.lead2cash.region.internal;

import com.github.houbb.pinyin.constant.enums.PinyinStyleEnum;
import com.github.houbb.pinyin.util.PinyinHelper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The pinyin of a place name (地名读音), one syllable per character, for searching by pinyin and initials.
 * The dictionary ({@code com.github.houbb:pinyin}) reads 长 and 都 as in everyday words (zhang, dou);
 * in place names they are chang and du (长治, 长宁, 花都, 丰都), and a few names have their own readings.
 */
final class PlaceNameReadings {

    private static final Map<Character, String> PLACE_NAME_CHARACTERS = Map.of('长', "chang", '都', "du");

    /** Names whose reading differs from both the dictionary and the rule above. */
    private static final Map<String, String> PLACE_NAME_WORDS = Map.of(
            "长子", "zhang zi",
            "闵行", "min hang",
            "民乐", "min le",
            "浚县", "xun xian",
            "万柏林", "wan bai lin",
            "曾都", "zeng du",
            "塔什库尔干", "ta shi ku er gan");

    private PlaceNameReadings() {
    }

    /** Lower-case syllables, ü written as v (as on a pinyin keyboard). */
    static List<String> syllables(String name) {
        List<String> syllables = new ArrayList<>(Arrays.asList(
                PinyinHelper.toPinyin(name, PinyinStyleEnum.NORMAL).strip().split("\\s+")));
        if (syllables.size() != name.length()) {
            return normalised(syllables); // not one syllable per character: leave the dictionary's reading
        }
        for (int i = 0; i < name.length(); i++) {
            String reading = PLACE_NAME_CHARACTERS.get(name.charAt(i));
            if (reading != null) {
                syllables.set(i, reading);
            }
        }
        PLACE_NAME_WORDS.forEach((word, reading) -> {
            int at = name.indexOf(word);
            if (at >= 0) {
                String[] own = reading.split(" ");
                for (int i = 0; i < own.length; i++) {
                    syllables.set(at + i, own[i]);
                }
            }
        });
        return normalised(syllables);
    }

    private static List<String> normalised(List<String> syllables) {
        return syllables.stream().map(s -> s.toLowerCase().replace('ü', 'v')).toList();
    }
}
