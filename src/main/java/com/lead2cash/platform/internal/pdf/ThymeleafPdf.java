package com.lead2cash.platform.internal.pdf;

import com.lead2cash.platform.Letterhead;
import com.lead2cash.platform.Pdf;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a Thymeleaf template to XHTML and the XHTML to PDF with openhtmltopdf on PDFBox. The two Noto
 * Sans SC faces (SIL OFL 1.1, {@code fonts/OFL.txt}) and the faces the templates name after them for what they
 * lack — Noto Emoji ({@code fonts/NotoEmoji-OFL.txt}) and the generated {@link PlaceholderFace} (docs/decisions/0108)
 * — are parsed once into a small pool and embedded as subsets, so a quote's PDF weighs tens of kilobytes and no
 * render re-reads 20 MB of fonts. PDFBox is pinned to 3.0.8: with 3.0.7 the text layer maps 户 长 车 日 月 金 工 人 门 行
 * to look-alike radicals (docs/decisions/0012).
 */
@Component
@EnableConfigurationProperties(Letterhead.class)
class ThymeleafPdf implements Pdf {

    private final ITemplateEngine templates;
    private final Letterhead letterhead;
    private final FontFaces.Pool fonts;

    ThymeleafPdf(ITemplateEngine templates, Letterhead letterhead,
                 @Value("${l2c.pdf.concurrent-renders:2}") int concurrentRenders) {
        this.templates = templates;
        this.letterhead = letterhead;
        this.fonts = new FontFaces.Pool(concurrentRenders);
    }

    @Override
    public byte[] render(String template, Map<String, Object> model, Locale locale) {
        String xhtml = html(template, model, locale);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        FontFaces faces = fonts.borrow();
        try (PDDocument document = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(document);
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, faces.regular(), true)), FONT_FAMILY, 400,
                    FontStyle.NORMAL, true);
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, faces.bold(), true)), FONT_FAMILY, 700,
                    FontStyle.NORMAL, true);
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, faces.emoji(), true)), EMOJI_FONT_FAMILY,
                    400, FontStyle.NORMAL, true);
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, faces.placeholder(), true)),
                    PLACEHOLDER_FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + template + " to PDF", e);
        } finally {
            fonts.release(faces);
        }
        return out.toByteArray();
    }

    @Override
    public String html(String template, Map<String, Object> model, Locale locale) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("letterhead", letterhead);
        return templates.process(template, new Context(locale, variables));
    }
}
