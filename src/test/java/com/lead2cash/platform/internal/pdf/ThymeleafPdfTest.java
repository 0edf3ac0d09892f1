package com.lead2cash.platform.internal.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.Letterhead;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The shared PDF mechanism keeps Chinese text searchable: what is printed is what PDFBox extracts again,
 * including the characters PDFBox 3.0.7 turned into look-alike radicals, in regular and bold.
 */
class ThymeleafPdfTest {

    private static final String TRAP_CHARACTERS = "户 长 车 日 月 金 工 人 门 行";

    private final ThymeleafPdf pdf = new ThymeleafPdf(engine(),
            new Letterhead("杭州示例科技有限公司", "杭州市西湖区文三路 1 号", "0571-88880000", null, null), 1);

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    @Test
    void chineseTextIsExtractedExactlyAsPrinted() throws IOException {
        byte[] bytes = pdf.render("pdf-test/sample", Map.of("title", "报价单 Q-2026-000001",
                "lines", List.of("户外长车日月金工人门行 工业网关", "上海某某（集团）股份有限公司"),
                "bold", "合计：¥1,234.50 " + TRAP_CHARACTERS), Locale.SIMPLIFIED_CHINESE);

        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("杭州示例科技有限公司", "杭州市西湖区文三路 1 号", "报价单 Q-2026-000001",
                    "户外长车日月金工人门行 工业网关", "上海某某（集团）股份有限公司", "合计：¥1,234.50 " + TRAP_CHARACTERS);
            List<String> fonts = new java.util.ArrayList<>();
            for (var name : document.getPage(0).getResources().getFontNames()) {
                PDFont font = document.getPage(0).getResources().getFont(name);
                fonts.add(font.getName());
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            }
            assertThat(fonts).anyMatch(f -> f.contains("NotoSansSC-Regular")).anyMatch(f -> f.contains("NotoSansSC-Bold"));
        }
        assertThat(bytes.length).as("fonts embedded as subsets").isLessThan(200_000);
    }

    /** Noto Sans SC has no emoji: the Noto Emoji face after it draws them, one glyph a character (0108). */
    @Test
    void emojiPrintFromTheFallbackFaceAndKeepTheirCharactersInTheTextLayer() throws IOException {
        String family = "👨\u200D👩\u200D👧";
        byte[] bytes = pdf.render("pdf-test/sample", Map.of("title", "客户😀", "lines", List.of("火箭🚀 " + family + " 工业网关"),
                "bold", "合计🚀"), Locale.SIMPLIFIED_CHINESE);

        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(new PDFTextStripper().getText(document)).contains("客户😀", "火箭🚀 " + family + " 工业网关", "合计🚀");
            List<String> fonts = new java.util.ArrayList<>();
            for (var name : document.getPage(0).getResources().getFontNames()) {
                fonts.add(document.getPage(0).getResources().getFont(name).getName());
            }
            assertThat(fonts).anyMatch(f -> f.contains("NotoEmoji"));
        }
        assertThat(bytes.length).as("the emoji face embedded as a subset too").isLessThan(200_000);
    }

    /** No shipped font has 𠀀 or 𪚥: the placeholder face prints a box for each and keeps the character as text (0108). */
    @Test
    void ideographsBeyondTheBmpPrintAsABoxAndKeepTheirCharactersInTheTextLayer() throws IOException {
        byte[] bytes = pdf.render("pdf-test/sample", Map.of("title", "𠀀𪚥科技有限公司", "lines", List.of("联系人 王𠀀 𪚥"),
                "bold", "𪚥"), Locale.SIMPLIFIED_CHINESE);

        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(new PDFTextStripper().getText(document)).contains("𠀀𪚥科技有限公司", "联系人 王𠀀 𪚥");
            List<String> fonts = new java.util.ArrayList<>();
            for (var name : document.getPage(0).getResources().getFontNames()) {
                PDFont font = document.getPage(0).getResources().getFont(name);
                fonts.add(font.getName());
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            }
            assertThat(fonts).anyMatch(f -> f.contains("L2CPlaceholder"));
        }
        assertThat(bytes.length).as("a subset of the placeholder face").isLessThan(200_000);
    }

    @Test
    void thePlaceholderFaceHasAGlyphOfItsOwnForEveryIdeographOfExtensionsBToF() throws IOException {
        var face = PlaceholderFace.load();
        var cmap = face.getUnicodeCmapLookup();
        assertThat(cmap.getGlyphId(0x20000)).isEqualTo(1);
        assertThat(cmap.getGlyphId(0x2A6A5)).isEqualTo(0x2A6A5 - 0x20000 + 1);
        assertThat(cmap.getGlyphId(0x2EBEF)).isEqualTo(face.getNumberOfGlyphs() - 1);
        assertThat(cmap.getGlyphId('A')).as("nothing the other faces have").isZero();
    }

    @Test
    void theSameTemplateServesTheHtmlPage() {
        String html = pdf.html("pdf-test/sample", Map.of("title", "报价单", "lines", List.of("工业网关"), "bold", "合计"),
                Locale.ENGLISH);
        assertThat(html).contains("杭州示例科技有限公司", "工业网关", "font-family: 'Noto Sans SC'");
    }
}
