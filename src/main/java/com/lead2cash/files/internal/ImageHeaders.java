package com.lead2cash.files.internal;

import com.lead2cash.files.FileKind;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Whether a file detected as a JPEG or PNG reads as one: its first bytes only say it means to be a picture (a JPEG
 * marker followed by anything was kept as a complaint's photo). The picture's header is read up to its size —
 * width and height above zero — and the pixels are not decoded, so a picture of a billion pixels costs the server
 * no more than a small one.
 */
final class ImageHeaders {

    private ImageHeaders() {
    }

    static boolean readable(InputStream content, FileKind kind) {
        ImageReader reader = null;
        try (InputStream in = content; ImageInputStream images = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(kind.mediaType());
            if (images == null || !readers.hasNext()) {
                return false;
            }
            reader = readers.next();
            reader.setInput(images, true, true);
            return reader.getWidth(0) > 0 && reader.getHeight(0) > 0;
        } catch (IOException | RuntimeException unreadable) {
            return false;
        } finally {
            if (reader != null) {
                reader.dispose();
            }
        }
    }
}
