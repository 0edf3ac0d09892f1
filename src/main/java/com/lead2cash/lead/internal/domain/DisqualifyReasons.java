package com.lead2cash.lead.internal.domain;

import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The managed list of reasons a lead is disqualified (作废原因). */
@Component
public class DisqualifyReasons {

    public record Reason(String code, String label) {
    }

    private final JdbcClient jdbc;

    DisqualifyReasons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String code) {
        return jdbc.sql("select count(*) from lead_disqualify_reason where code = :c and active").param("c", code)
                .query(Integer.class).single() > 0;
    }

    public List<Reason> active(Locale locale) {
        String column = "zh".equals(locale.getLanguage()) ? "label_zh" : "label_en";
        return jdbc.sql("select code, " + column + " as label from lead_disqualify_reason where active order by position")
                .query(Reason.class).list();
    }

    public String label(String code, Locale locale) {
        return active(locale).stream().filter(r -> r.code().equals(code)).map(Reason::label).findFirst().orElse(code);
    }
}
