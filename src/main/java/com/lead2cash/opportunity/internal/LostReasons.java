package com.lead2cash.opportunity.internal;

import com.lead2cash.platform.ConflictException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.Versions;
import com.lead2cash.platform.FieldValidationException.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The managed list of reasons an opportunity is lost (输单原因): an administrator names them in both
 * languages, orders them and retires those no longer used; a lost opportunity names one that is active.
 */
@Component
public class LostReasons {

    public record LostReason(String code, String labelZh, String labelEn, boolean active, int position, long version) {

        public String label(Locale locale) {
            return LostReasons.label(labelZh, labelEn, locale);
        }
    }

    /** The label of a reason in the reader's language, from its two labels. */
    static String label(String labelZh, String labelEn, Locale locale) {
        return "zh".equals(locale.getLanguage()) ? labelZh : labelEn;
    }

    private final JdbcClient jdbc;

    LostReasons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<LostReason> all() {
        return jdbc.sql("select * from opportunity_lost_reason order by position, code")
                .query((rs, i) -> new LostReason(rs.getString("code"), rs.getString("label_zh"), rs.getString("label_en"),
                        rs.getBoolean("active"), rs.getInt("position"), rs.getLong("version"))).list();
    }

    public List<LostReason> active() {
        return all().stream().filter(LostReason::active).toList();
    }

    public Optional<LostReason> find(String code) {
        return all().stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /** The labels of every reason in the reader's language, by code (retired ones too: old opportunities name them). */
    public Map<String, String> labels(Locale locale) {
        return all().stream().collect(Collectors.toMap(LostReason::code, r -> r.label(locale)));
    }

    /** The code, if it names an active reason; otherwise the refusal says to choose one from the list. */
    public String requireActive(String code) {
        if (code == null || code.isBlank()) {
            throw new FieldValidationException("lostReason", "opportunity.lost.reasonRequired");
        }
        return find(code.strip()).filter(LostReason::active).map(LostReason::code)
                .orElseThrow(() -> new FieldValidationException("lostReason", "opportunity.lost.reasonUnknown", code));
    }

    /**
     * The admin screen's save: a reason's row carries the version it was read at and changes that reason (409 when
     * stale, 404 when there is none of that code); the new reason's form has none and adds one, refused on the code
     * when a reason has it already (it never overwrites one: a change is that reason's row's).
     */
    @Transactional
    public LostReason save(String code, String labelZh, String labelEn, boolean active, int position, Long expectedVersion) {
        if (expectedVersion == null) {
            return add(code, labelZh, labelEn, active, position);
        }
        return change(code, labelZh, labelEn, active, position, expectedVersion);
    }

    /** The API's new reason: a code no reason has (else 422 on the code), checked as the screen checks it. */
    @Transactional
    public LostReason add(String code, String labelZh, String labelEn, boolean active, int position) {
        String c = validated(code, labelZh, labelEn);
        int added = jdbc.sql("""
                insert into opportunity_lost_reason (code, label_zh, label_en, active, position)
                values (:code, :zh, :en, :active, :position) on conflict (code) do nothing
                """).param("code", c).param("zh", labelZh.strip()).param("en", labelEn.strip())
                .param("active", active).param("position", position).update();
        if (added == 0) {
            throw new FieldValidationException("code", "opportunity.lostReason.code.taken", c);
        }
        return require(c);
    }

    /**
     * The API's change of a reason at the version it was read (409 when stale): what is left out (null) keeps its
     * value; the code does not change.
     */
    @Transactional
    public LostReason change(String code, String labelZh, String labelEn, Boolean active, Integer position,
                             Long expectedVersion) {
        LostReason stored = require(code);
        Versions.requireCurrent(stored.version(), expectedVersion);
        String zh = labelZh == null ? stored.labelZh() : labelZh;
        String en = labelEn == null ? stored.labelEn() : labelEn;
        validated(stored.code(), zh, en);
        int changed = jdbc.sql("""
                update opportunity_lost_reason set label_zh = :zh, label_en = :en, active = :active,
                    position = :position, version = version + 1
                where code = :code and version = :version
                """).param("code", stored.code()).param("zh", zh.strip()).param("en", en.strip())
                .param("active", active == null ? stored.active() : active)
                .param("position", position == null ? stored.position() : position)
                .param("version", stored.version()).update();
        if (changed == 0) {
            throw new ConflictException("error.staleVersion");
        }
        return require(stored.code());
    }

    /** The reason of this code (any case), or 404. */
    public LostReason require(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        return find(c).orElseThrow(() -> new RecordNotFoundException("LostReason", c));
    }

    /** The code, upper case, when the reason's code and labels are acceptable; otherwise every refusal at once. */
    private static String validated(String code, String labelZh, String labelEn) {
        List<FieldError> errors = new ArrayList<>();
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!c.matches("[A-Z][A-Z0-9_]{1,39}")) {
            errors.add(new FieldError("code", "opportunity.lostReason.code.invalid"));
        }
        if (labelZh == null || labelZh.isBlank() || labelZh.length() > 100) {
            errors.add(new FieldError("labelZh", "opportunity.lostReason.label.required"));
        }
        if (labelEn == null || labelEn.isBlank() || labelEn.length() > 100) {
            errors.add(new FieldError("labelEn", "opportunity.lostReason.label.required"));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        return c;
    }
}
