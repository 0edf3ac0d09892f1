package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.SpreadsheetCells;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** A report's tables as every export writes them: headers in the reader's language, each kind of cell in its format. */
class SpreadsheetColumnsTest {

    record Line(String name, BigDecimal amount, BigDecimal share, Long count, BigDecimal days, Object day, Object month) {
    }

    private static final SpreadsheetColumns<Line> COLUMNS = SpreadsheetColumns.of(Line.class)
            .text("t.name", Line::name)
            .money("t.amount", Line::amount)
            .percent("t.share", 2, Line::share)
            .count("t.count", Line::count)
            .number("t.days", 1, Line::days)
            .day("t.day", Line::day)
            .month("t.month", Line::month);

    private static StaticMessageSource messages() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("t.sheet", Locale.SIMPLIFIED_CHINESE, "赢单/输单");
        messages.addMessage("t.name", Locale.SIMPLIFIED_CHINESE, "名称");
        messages.addMessage("t.other", Locale.SIMPLIFIED_CHINESE, "其他");
        return messages;
    }

    @Test
    void eachKindOfCellIsWrittenInItsFormatAndATableAfterTheFirstOnASheetOfItsOwn() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SpreadsheetColumns<String> other = SpreadsheetColumns.of(String.class).text("t.other", s -> s);
        try (SpreadsheetExport export = SpreadsheetExport.open(out, messages(), Locale.SIMPLIFIED_CHINESE, "t.sheet", COLUMNS)) {
            assertThat(export.rows(COLUMNS, List.of(
                    new Line("=1+1", new BigDecimal("1234.50"), new BigDecimal("0.8571"), 3L, new BigDecimal("2.5"),
                            LocalDate.of(2026, 12, 1), YearMonth.of(2026, 12)),
                    new Line(null, null, null, null, null, "逾期", "逾期")))).isEqualTo(2);
            export.nextSheet("t.other", other);
            assertThat(export.rows(other, List.of("乙"))).isEqualTo(1);
        }
        byte[] xlsx = out.toByteArray();

        assertThat(SpreadsheetCells.sheetNames(xlsx)).as("a sheet name Excel takes: no slash").containsExactly("赢单 输单", "其他");
        List<Row> rows = SpreadsheetCells.formattedRows(xlsx, 0);
        assertThat(rows.get(0).getCellText(0)).as("the header in the reader's language").isEqualTo("名称");
        assertThat(rows.get(0).getCellText(1)).as("a key without a text stands as itself").isEqualTo("t.amount");
        Row line = rows.get(1);
        SpreadsheetCells.assertKeptAsText(xlsx, line.getCell(0), "=1+1");
        assertThat(line.getCellAsNumber(1)).hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("1234.50"));
        assertThat(line.getCell(1).getDataFormatString()).isEqualTo("#,##0.00");
        assertThat(line.getCellAsNumber(2)).hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("0.8571"));
        assertThat(line.getCell(2).getDataFormatString()).isEqualTo("0.00%");
        assertThat(line.getCellAsNumber(3)).hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("3"));
        assertThat(line.getCell(4).getDataFormatString()).isEqualTo("0.0");
        assertThat(line.getCellAsDate(5)).hasValue(LocalDate.of(2026, 12, 1).atStartOfDay());
        assertThat(line.getCell(5).getDataFormatString()).isEqualTo("yyyy-mm-dd");
        assertThat(line.getCellAsDate(6)).hasValue(LocalDate.of(2026, 12, 1).atStartOfDay());
        assertThat(line.getCell(6).getDataFormatString()).isEqualTo("yyyy-mm");
        Row empty = rows.get(2);
        assertThat(empty.getCell(1)).as("no value: an empty cell").satisfiesAnyOf(
                c -> assertThat(c).isNull(), c -> assertThat(c.getRawValue()).isNull());
        assertThat(empty.getCellText(6)).as("a text where a month is expected").isEqualTo("逾期");
        assertThat(SpreadsheetCells.formattedRows(xlsx, 1)).extracting(r -> r.getCellText(0)).containsExactly("其他", "乙");
    }
}
