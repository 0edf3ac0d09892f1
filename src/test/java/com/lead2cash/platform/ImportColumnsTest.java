package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportColumnsTest {

    enum Column implements ImportColumns.Column {
        NAME("公司名称", "Company name"), DATE("计划采购日期", "Planned purchase date"), REASON("导入错误", "Import error");

        private final ImportColumns.Names names;

        Column(String zh, String en) {
            this.names = new ImportColumns.Names(zh, en, zh.equals("公司名称") ? "companyName" : null);
        }

        @Override
        public ImportColumns.Names names() {
            return names;
        }

        @Override
        public boolean required() {
            return this == NAME;
        }

        @Override
        public boolean ignored() {
            return this == REASON;
        }

        @Override
        public boolean date() {
            return this == DATE;
        }
    }

    private static SpreadsheetReader.Row row(int line, BitSet numbers, String... cells) {
        return new SpreadsheetReader.Row(line, Arrays.asList(cells), numbers, false);
    }

    @Test
    void headersAreReadInChineseEnglishOrByAliasAndCellsComeStrippedWithoutIgnoredOnesOrTheExportApostrophe() {
        ImportColumns<Column> columns = ImportColumns.fromHeader(Column.class,
                List.of("公司名称*", "planned purchase date", "导入错误"), Column.NAME, "lead.import");
        BitSet numbers = new BitSet();
        numbers.set(1);
        Map<Column, String> cells = columns.cells(row(2, numbers, " '=HYPERLINK(1) ", "46023", "#2 bad"), Column.class);
        assertThat(cells).containsExactly(Map.entry(Column.NAME, "=HYPERLINK(1)"), Map.entry(Column.DATE, "2026-01-01"));
        assertThat(ImportColumns.fromHeader(Column.class, List.of("companyName"), Column.NAME, "lead.import")
                .cells(row(3, new BitSet(), "  "), Column.class)).isEmpty();
        assertThat(Column.NAME.header()).isEqualTo("公司名称*");
        assertThat(Column.DATE.header()).isEqualTo("计划采购日期");
    }

    @Test
    void aFormulaWithNoSavedResultIsItsTextAndRefusesItsColumnAsTextTheApiRefusesDoes() {
        ImportColumns<Column> columns = ImportColumns.fromHeader(Column.class, List.of("公司名称", "计划采购日期", "导入错误"),
                Column.NAME, "lead.import");
        BitSet formulas = new BitSet();
        formulas.set(0);
        formulas.set(2);
        SpreadsheetReader.Row row = new SpreadsheetReader.Row(2, Arrays.asList("=HYPERLINK(1)", "2026-01-01", "=1"),
                new BitSet(), false, formulas);
        Map<Column, String> cells = columns.cells(row, Column.class);
        assertThat(cells).containsExactly(Map.entry(Column.NAME, "=HYPERLINK(1)"), Map.entry(Column.DATE, "2026-01-01"));
        assertThat(columns.formulaCells(row, Column.class)).as("the ignored reason column is no value").containsExactly(Column.NAME);
        assertThat(ImportColumns.refusedCells(cells, columns.formulaCells(row, Column.class)))
                .containsExactly(Map.entry(Column.NAME, "spreadsheet.formulaWithoutResult"));
        assertThat(ImportColumns.refusedCells(cells, java.util.Set.of())).as("the same text typed into a cell").isEmpty();
        assertThat(ImportColumns.refusedCells(Map.of(Column.NAME, "甲\u0000公司"), java.util.Set.of()))
                .containsOnlyKeys(Column.NAME).doesNotContainValue("spreadsheet.formulaWithoutResult");
    }

    @Test
    void anUnknownColumnOrAMissingIdentifyingColumnRefusesTheFileWithTheModulesMessage() {
        assertThatThrownBy(() -> ImportColumns.fromHeader(Column.class, List.of("公司名称", "传真", "备注x"), Column.NAME,
                "customer.import"))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> {
                    assertThat(e.errors().get(0).messageKey()).isEqualTo("customer.import.unknownColumns");
                    // joined in the reader's language when the message is resolved
                    assertThat(e.errors().get(0).args()).containsExactly(ListText.of(List.of("传真", "备注x")));
                });
        assertThatThrownBy(() -> ImportColumns.fromHeader(Column.class, List.of("计划采购日期"), Column.NAME, "lead.import"))
                .isInstanceOfSatisfying(FieldValidationException.class,
                        e -> assertThat(e.errors().get(0).messageKey()).isEqualTo("lead.import.missingColumn"));
    }
}
