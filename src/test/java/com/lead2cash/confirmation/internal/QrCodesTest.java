package com.lead2cash.confirmation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Every confirmation link, whatever its token, comes back from its QR code as it went in. */
class QrCodesTest {

    static final String TOKEN_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /**
     * What a scanner reads from the PNG. The code is generated, so it is read as a pure barcode: ZXing's
     * general finder-pattern search misses some clean 240-pixel codes it decodes at once with this hint.
     */
    static String scan(byte[] png) throws Exception {
        var image = ImageIO.read(new ByteArrayInputStream(png));
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }

    @Test
    void linksWithTwoHundredDifferentTokensAllScanBackToThemselves() throws Exception {
        Random random = new Random(20261202);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            StringBuilder token = new StringBuilder();
            for (int c = 0; c < 24; c++) { // 144 random bits, base64url (ConfirmationLinks)
                token.append(TOKEN_CHARS.charAt(random.nextInt(TOKEN_CHARS.length())));
            }
            String url = "http://localhost:8080/c/" + new java.util.UUID(random.nextLong(), random.nextLong()) + "/" + token;
            String read = scan(QrCodes.png(url));
            if (!url.equals(read)) {
                wrong.add(url + " read as " + read);
            }
        }
        assertThat(wrong).isEmpty();
    }
}
