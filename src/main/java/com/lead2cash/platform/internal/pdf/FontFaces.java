package com.lead2cash.platform.internal.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The regular and bold Noto Sans SC faces, the monochrome Noto Emoji face for the emoji Noto Sans SC lacks and
 * the {@link PlaceholderFace} for the ideographs beyond the Basic Multilingual Plane (docs/decisions/0108), parsed.
 * A parsed font reads its glyphs lazily from one shared buffer and is not safe for two documents at once, so each
 * render borrows a set from a {@link Pool} for its duration.
 */
record FontFaces(TrueTypeFont regular, TrueTypeFont bold, TrueTypeFont emoji, TrueTypeFont placeholder) {

    private static final String REGULAR = "fonts/NotoSansSC_400Regular.ttf";
    private static final String BOLD = "fonts/NotoSansSC_700Bold.ttf";
    private static final String EMOJI = "fonts/NotoEmoji_400Regular.ttf";

    static FontFaces load() {
        TrueTypeFont emoji = parse(EMOJI);
        // Without its ligatures: PDFBox would draw 👨‍👩‍👧 as the one family glyph, which has no character in the
        // text layer, so copying and extracting the text would lose the three people; drawn one by one they stay.
        emoji.setEnableGsub(false);
        return new FontFaces(parse(REGULAR), parse(BOLD), emoji, PlaceholderFace.load());
    }

    private static TrueTypeFont parse(String resource) {
        try (InputStream in = FontFaces.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the application: " + resource);
            }
            return new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** At most {@code size} parsed sets (about 23 MB each), made when first needed; renders beyond wait. */
    static final class Pool {

        private final int size;
        private final BlockingQueue<FontFaces> idle;
        private final AtomicInteger made = new AtomicInteger();

        Pool(int size) {
            this.size = Math.max(1, size);
            this.idle = new ArrayBlockingQueue<>(this.size);
        }

        FontFaces borrow() {
            FontFaces faces = idle.poll();
            if (faces != null) {
                return faces;
            }
            if (made.getAndIncrement() < size) {
                try {
                    return load();
                } catch (RuntimeException e) {
                    made.decrementAndGet();
                    throw e;
                }
            }
            made.decrementAndGet();
            try {
                return idle.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the PDF fonts", e);
            }
        }

        void release(FontFaces faces) {
            idle.offer(faces);
        }
    }
}
