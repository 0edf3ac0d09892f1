package com.lead2cash.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.TestClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The file store on its default back end (PostgreSQL): content by type, limits, checksums, streaming, retention. */
@IntegrationTest
@Import(TestClock.class)
class FileStoreTest {

    static final LocalDate KEEP_UNTIL = LocalDate.of(2036, 12, 1);

    @Autowired FileStore files;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired TransactionTemplate tx;
    @Autowired MessageSource messages;

    static Upload scan(String name, long size) {
        return new Upload("Contract", "c-1", "scan", name, size, Set.of(FileKind.PDF, FileKind.JPEG, FileKind.PNG),
                10 * 1024 * 1024, KEEP_UNTIL);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void aPdfIsKeptInChunksWithItsChecksumAndStreamsBackIdentical() throws Exception {
        byte[] content = TestFiles.pdf(700_000, 1);

        StoredFile stored = tx.execute(s -> files.store(scan("合同扫描件.pdf", content.length), new ByteArrayInputStream(content)));

        assertThat(stored.contentType()).isEqualTo("application/pdf");
        assertThat(stored.size()).isEqualTo(content.length);
        assertThat(stored.sha256()).isEqualTo(sha256(content));
        assertThat(stored.fileName()).isEqualTo("合同扫描件.pdf");
        assertThat(stored.retainUntil()).isEqualTo(KEEP_UNTIL);
        assertThat(jdbc.sql("select count(*) from files_chunk where file_id = :id").param("id", stored.id())
                .query(Integer.class).single()).as("256 KiB chunks").isEqualTo(3);
        try (InputStream in = files.open(stored.id())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(files.verify(stored.id())).isTrue();
    }

    @Test
    void theTypeComesFromTheContentNotTheName() {
        byte[] jpeg = TestFiles.jpeg();
        StoredFile stored = tx.execute(s -> files.store(scan("scan.pdf", jpeg.length), new ByteArrayInputStream(jpeg)));
        assertThat(stored.contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void theKeptNameEndsInTheDetectedTypesExtensionAndLosesBidiControls() {
        byte[] pdf = TestFiles.pdf(2048, 2);
        byte[] jpeg = TestFiles.jpeg();
        assertThat(name("a.html", pdf)).isEqualTo("a.html.pdf");
        assertThat(name("scan.PNG", pdf)).isEqualTo("scan.pdf");
        assertThat(name("合同 v1.2", pdf)).isEqualTo("合同 v1.2.pdf");
        assertThat(name("照片.JPEG", jpeg)).isEqualTo("照片.JPEG");
        // right-to-left override: "中文\u202Egnp.exe" shows as "中文exe.png"
        assertThat(name("中文\u202Egnp.exe", jpeg)).isEqualTo("中文gnp.exe.jpg");
        assertThat(name("\u2066\u200F.", jpeg)).isEqualTo("file.jpg");
    }

    @Test
    void aLongNameIsKeptShortenedTo255CharactersWithItsExtensionNeverHalfACharacter() {
        byte[] jpeg = TestFiles.jpeg();
        String ascii = name("a".repeat(450) + ".jpg", jpeg);
        assertThat(ascii).hasSize(255).endsWith("aaa.jpg");
        assertThat(name("现场照片".repeat(80) + ".jpg", jpeg)).hasSize(255).endsWith("现场照片.jpg");
        // a character outside the BMP is two chars in Java: the cut takes it whole or leaves it out
        String emoji = name("\uD83D\uDCF7".repeat(200) + ".jpg", jpeg);
        assertThat(emoji).endsWith(".jpg").hasSizeLessThanOrEqualTo(255);
        assertThat(Character.isLowSurrogate(emoji.charAt(0))).as("starts with half a character").isFalse();
    }

    private String name(String uploaded, byte[] content) {
        return tx.execute(s -> files.store(scan(uploaded, content.length), new ByteArrayInputStream(content))).fileName();
    }

    @Test
    void aRenamedExecutableIsRefusedAsAScanAndNothingIsKept() {
        byte[] exe = TestFiles.executable();
        int before = count();

        assertThatThrownBy(() -> tx.execute(s -> files.store(scan("signed-contract.pdf", exe.length),
                new ByteArrayInputStream(exe))))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> {
                    assertThat(e.errors()).singleElement().satisfies(f -> {
                        assertThat(f.field()).isEqualTo("scan");
                        assertThat(f.messageKey()).isEqualTo("files.typeRefused");
                        assertThat(said(f, Locale.ENGLISH)).startsWith("This file is not accepted: it is a program.");
                    });
                });
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aRefusedFileIsNamedInTheReadersWordsNeverByItsMediaType() throws Exception {
        ByteArrayOutputStream word = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(word)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes(UTF_8));
            zip.closeEntry();
        }
        byte[] unknown = new byte[4096];
        new java.util.Random(7).nextBytes(unknown);
        record Refusal(byte[] content, String english, String chinese) {
        }
        var refusals = List.of(
                new Refusal(word.toByteArray(), "it is a Word or Excel file.", "它是一个 Word/Excel 文件。"),
                new Refusal("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(UTF_8), "it is a picture (SVG).",
                        "它是一张图片（SVG）。"),
                new Refusal("<!DOCTYPE html><html><body>x</body></html>".getBytes(UTF_8), "it is a web page.", "它是一个网页。"),
                new Refusal(unknown, "it is a kind of file that is not recognised.", "它是一种无法识别的文件。"));
        for (Refusal refusal : refusals) {
            byte[] content = refusal.content();
            Upload photo = new Upload("Complaint", "c-1", "evidence", "photo.png", content.length, Set.of(FileKind.PNG),
                    1024 * 1024, KEEP_UNTIL);
            assertThatThrownBy(() -> tx.execute(s -> files.store(photo, new ByteArrayInputStream(content))))
                    .isInstanceOfSatisfying(FieldValidationException.class, e -> {
                        FieldValidationException.FieldError f = e.errors().get(0);
                        assertThat(f.messageKey()).isEqualTo("files.typeRefused");
                        assertThat(said(f, Locale.ENGLISH)).contains(refusal.english())
                                .doesNotContainPattern("[a-z-]+/[a-z]");
                        assertThat(said(f, Locale.SIMPLIFIED_CHINESE)).contains(refusal.chinese())
                                .doesNotContainPattern("[a-z-]+/[a-z]");
                    });
        }
    }

    private String said(FieldValidationException.FieldError f, Locale locale) {
        return messages.getMessage(f.messageKey(), f.args().toArray(), locale);
    }

    @Test
    void aFileOverTheOwnersLimitIsRefusedWhetherAnnouncedOrNot() {
        byte[] big = TestFiles.pdf(300_000, 2);
        Upload small = new Upload("Contract", "c-1", "scan", "big.pdf", big.length, Set.of(FileKind.PDF), 200_000, KEEP_UNTIL);
        Upload unannounced = new Upload("Contract", "c-1", "scan", "big.pdf", -1, Set.of(FileKind.PDF), 200_000, KEEP_UNTIL);
        int before = count();

        for (Upload upload : List.of(small, unannounced)) {
            assertThatThrownBy(() -> tx.execute(s -> files.store(upload, new ByteArrayInputStream(big))))
                    .isInstanceOfSatisfying(FieldValidationException.class,
                            e -> assertThat(e.errors().get(0).messageKey()).isEqualTo("files.tooLarge"));
        }
        assertThat(count()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from files_chunk").query(Integer.class).single())
                .as("no chunk left behind").isEqualTo(chunksOfKeptFiles());
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> tx.execute(s -> files.store(scan("empty.pdf", 0), new ByteArrayInputStream(new byte[0]))))
                .isInstanceOfSatisfying(FieldValidationException.class,
                        e -> assertThat(e.errors().get(0).messageKey()).isEqualTo("files.empty"));
    }

    @Test
    void aPictureWhoseHeaderDoesNotReadIsRefusedAndNothingIsKeptARealOneIsKept() throws Exception {
        int chunks = chunksOfKeptFiles();
        byte[] pngSignatureThenNoise = java.util.Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A,
                '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'}, 2048);
        for (byte[] content : java.util.List.of(TestFiles.fakeJpeg(), pngSignatureThenNoise)) {
            assertThatThrownBy(() -> tx.execute(s -> files.store(scan("photo.jpg", content.length),
                    new ByteArrayInputStream(content))))
                    .isInstanceOfSatisfying(FieldValidationException.class,
                            e -> assertThat(e.errors().get(0).messageKey()).isEqualTo("files.imageUnreadable"));
        }
        assertThat(jdbc.sql("select count(*) from files_chunk").query(Integer.class).single())
                .as("no chunk left behind").isEqualTo(chunks);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", png);
        for (byte[] content : java.util.List.of(TestFiles.jpeg(), png.toByteArray())) {
            assertThat(tx.execute(s -> files.store(scan("photo", content.length), new ByteArrayInputStream(content)))
                    .size()).isEqualTo(content.length);
        }
    }

    @Test
    void aPdfThatDoesNotOpenOrHasNoPageIsRefusedAndNothingIsKept() throws Exception {
        int chunks = chunksOfKeptFiles();
        byte[] noPages = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] headerOnly = java.util.Arrays.copyOf("%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 4096);
        java.io.ByteArrayOutputStream locked = new java.io.ByteArrayOutputStream();
        try (var document = org.apache.pdfbox.Loader.loadPDF(TestFiles.pdf(4096, 9))) {
            document.protect(new org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy("owner", "user",
                    new org.apache.pdfbox.pdmodel.encryption.AccessPermission()));
            document.save(locked);
        }
        for (byte[] content : java.util.List.of(noPages, headerOnly, locked.toByteArray())) {
            assertThatThrownBy(() -> tx.execute(s -> files.store(scan("signed.pdf", content.length),
                    new ByteArrayInputStream(content))))
                    .isInstanceOfSatisfying(FieldValidationException.class,
                            e -> assertThat(e.errors().get(0).messageKey()).isEqualTo("files.pdfUnreadable"));
        }
        assertThat(jdbc.sql("select count(*) from files_chunk").query(Integer.class).single())
                .as("no chunk left behind").isEqualTo(chunks);
        byte[] opens = TestFiles.pdf(4096, 9);
        assertThat(tx.execute(s -> files.store(scan("signed.pdf", opens.length), new ByteArrayInputStream(opens))).size())
                .isEqualTo(4096);
    }

    @Test
    void aFileCutShortIsRefusedAndNothingIsKeptAWholeOneIsKeptEvenWithAVideoAfterItsPhoto() {
        int before = count();
        int chunks = chunksOfKeptFiles();
        byte[] pdf = TestFiles.pdf(700_000, 8);
        // what a walk uploaded: a PNG whose header and IHDR arrived, a PDF cut in half; and a JPEG cut after its header
        for (byte[] content : List.of(TestFiles.cut(TestFiles.png(), 200), TestFiles.cut(pdf, pdf.length / 2),
                TestFiles.cut(TestFiles.jpeg(), TestFiles.jpeg().length - 2))) {
            for (long declared : new long[] {content.length, -1}) {
                assertThatThrownBy(() -> tx.execute(s -> files.store(scan("scan", declared),
                        new ByteArrayInputStream(content))))
                        .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                                .singleElement().satisfies(f -> {
                                    assertThat(f.field()).isEqualTo("scan");
                                    assertThat(f.messageKey()).isEqualTo("files.truncated");
                                }));
            }
        }
        assertThat(count()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from files_chunk").query(Integer.class).single())
                .as("no chunk left behind").isEqualTo(chunks);

        byte[] photo = TestFiles.jpeg();
        // an Android motion photo: the video (an MP4, "ftyp" first) after the JPEG's end of image
        byte[] video = new byte[30_000];
        new java.util.Random(4).nextBytes(video);
        System.arraycopy("\0\0\0\u0018ftypmp42".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, video, 0, 12);
        byte[] motionPhoto = java.util.Arrays.copyOf(photo, photo.length + video.length);
        System.arraycopy(video, 0, motionPhoto, photo.length, video.length);
        for (byte[] content : List.of(TestFiles.png(), photo, motionPhoto, pdf)) {
            assertThat(tx.execute(s -> files.store(scan("scan", content.length), new ByteArrayInputStream(content)))
                    .size()).isEqualTo(content.length);
        }
    }

    @Test
    void R1_aFileCannotBeDeletedBeforeItsRetentionDateAndGoesCompletelyAfter() {
        byte[] content = TestFiles.pdf(10_000, 3);
        StoredFile stored = tx.execute(s -> files.store(scan("a.pdf", content.length), new ByteArrayInputStream(content)));

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> files.delete(stored.id())))
                .isInstanceOf(DomainException.class).hasMessage("files.retained");
        assertThat(files.find(stored.id())).isPresent();

        clock.set(KEEP_UNTIL.atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
        try {
            tx.executeWithoutResult(s -> files.delete(stored.id()));
        } finally {
            clock.set(TestClock.START);
        }
        assertThat(files.find(stored.id())).isEmpty();
        assertThat(jdbc.sql("select count(*) from files_chunk where file_id = :id").param("id", stored.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void R1_aRetentionOnlyEverMovesLater() {
        byte[] content = TestFiles.pdf(10_000, 4);
        StoredFile stored = tx.execute(s -> files.store(scan("a.pdf", content.length), new ByteArrayInputStream(content)));

        tx.executeWithoutResult(s -> files.retainUntil(stored.id(), KEEP_UNTIL.plusYears(1)));
        tx.executeWithoutResult(s -> files.retainUntil(stored.id(), KEEP_UNTIL.minusYears(5)));

        assertThat(files.find(stored.id()).orElseThrow().retainUntil()).isEqualTo(KEEP_UNTIL.plusYears(1));
    }

    @Test
    void keptContentCannotBeRewrittenEvenInTheDatabase() {
        byte[] content = TestFiles.pdf(10_000, 5);
        StoredFile stored = tx.execute(s -> files.store(scan("a.pdf", content.length), new ByteArrayInputStream(content)));

        assertThatThrownBy(() -> jdbc.sql("update files_chunk set data = '\\x00' where file_id = :id")
                .param("id", stored.id()).update()).hasMessageContaining("file content cannot be changed");
        assertThatThrownBy(() -> jdbc.sql("update files_file set sha256 = repeat('0', 64) where id = :id")
                .param("id", stored.id()).update()).hasMessageContaining("a kept file cannot be changed");
        assertThat(files.verify(stored.id())).isTrue();
    }

    @Test
    void filesAreListedInTheOrderAskedAndUnknownOnesAreLeftOut() {
        byte[] a = TestFiles.pdf(5_000, 6);
        byte[] b = TestFiles.pdf(5_000, 7);
        StoredFile first = tx.execute(s -> files.store(scan("a.pdf", a.length), new ByteArrayInputStream(a)));
        StoredFile second = tx.execute(s -> files.store(scan("b.pdf", b.length), new ByteArrayInputStream(b)));

        assertThat(files.findAll(List.of(second.id(), UUID.randomUUID(), first.id())))
                .extracting(StoredFile::fileName).containsExactly("b.pdf", "a.pdf");
    }

    private int count() {
        return jdbc.sql("select count(*) from files_file").query(Integer.class).single();
    }

    private int chunksOfKeptFiles() {
        return jdbc.sql("select count(*) from files_chunk c join files_file f on f.id = c.file_id").query(Integer.class).single();
    }
}
