package com.lead2cash.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A printed document (PDF) as its reader gets it: the text layer, and the characters drawn outside the page's
 * printable area (the A4 page less the 15 mm side margins of {@code pdf/layout}), which a reader never sees.
 */
public final class PrintedPages {

    /** The side margins of the printed documents, in points (15 mm), less a point for rounding. */
    private static final float SIDE_MARGIN = 15 / 25.4f * 72 - 1;

    private PrintedPages() {
    }

    /** The text layer of every page. */
    public static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text layer with the line ends taken out: a word wrapped inside its cell reads whole again. */
    public static String joinedText(byte[] pdf) {
        return text(pdf).replaceAll("\\R", "");
    }

    /** Each character drawn beyond the left or right margin, as "page 1: X at 590.2". */
    public static List<String> outsideTheMargins(byte[] pdf) {
        List<String> outside = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    float width = getCurrentPage().getMediaBox().getWidth();
                    if (text.getXDirAdj() < SIDE_MARGIN || text.getXDirAdj() + text.getWidthDirAdj() > width - SIDE_MARGIN) {
                        outside.add("page " + getCurrentPageNo() + ": " + text.getUnicode() + " at " + text.getXDirAdj());
                    }
                    super.processTextPosition(text);
                }
            };
            stripper.getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return outside;
    }
}
