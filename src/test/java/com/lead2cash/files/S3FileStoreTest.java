package com.lead2cash.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lead2cash.testing.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Set;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The same file store on the S3 back end ({@code l2c.files.store=s3}), against an S3-compatible server
 * running in this JVM (S3Proxy on a filesystem blob store): no Docker, no network.
 */
@IntegrationTest
class S3FileStoreTest {

    static final String BUCKET = "lead2cash-files";
    static final String KEY = "test-access";
    static final String SECRET = "test-secret-key";
    static Path baseDir;
    static S3Proxy proxy;

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) throws Exception {
        baseDir = Files.createTempDirectory("l2c-s3proxy");
        Files.createDirectories(baseDir.resolve(BUCKET));
        proxy = S3Proxy.builder().blobStore(new FilesystemNio2BlobStore(baseDir.toString()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, KEY, SECRET).build();
        proxy.start();
        String endpoint = "http://127.0.0.1:" + proxy.getPort();
        registry.add("l2c.files.store", () -> "s3");
        registry.add("l2c.files.s3.endpoint", () -> endpoint);
        registry.add("l2c.files.s3.bucket", () -> BUCKET);
        registry.add("l2c.files.s3.access-key", () -> KEY);
        registry.add("l2c.files.s3.secret-key", () -> SECRET);
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.stop();
    }

    @Autowired FileStore files;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    static Upload scan(String name, long size) {
        return new Upload("Contract", "c-9", "scan", name, size, Set.of(FileKind.PDF), 10 * 1024 * 1024,
                LocalDate.of(2036, 12, 1));
    }

    @Test
    void theSameFileRoundTripsThroughTheS3Store() throws Exception {
        byte[] content = TestFiles.pdf(600_000, 11);

        StoredFile stored = tx.execute(s -> files.store(scan("合同扫描件（盖章）.pdf", content.length),
                new ByteArrayInputStream(content)));

        assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        assertThat(stored.fileName()).isEqualTo("合同扫描件（盖章）.pdf");
        assertThat(jdbc.sql("select store from files_file where id = :id").param("id", stored.id()).query(String.class).single())
                .isEqualTo("S3");
        assertThat(jdbc.sql("select count(*) from files_chunk where file_id = :id").param("id", stored.id())
                .query(Integer.class).single()).as("no content in the database").isZero();
        try (InputStream in = files.open(stored.id())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(files.verify(stored.id())).isTrue();
        assertThat(objectExists("files/" + stored.id())).isTrue();
    }

    @Test
    void anUploadOfUnknownLengthIsSpooledAndKeptWhole() throws Exception {
        byte[] content = TestFiles.pdf(300_000, 12);
        StoredFile stored = tx.execute(s -> files.store(scan("a.pdf", -1), new ByteArrayInputStream(content)));
        try (InputStream in = files.open(stored.id())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void theObjectGoesAgainWhenTheTransactionThatKeptItRollsBack() {
        byte[] content = TestFiles.pdf(20_000, 13);
        java.util.concurrent.atomic.AtomicReference<StoredFile> kept = new java.util.concurrent.atomic.AtomicReference<>();

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            kept.set(files.store(scan("a.pdf", content.length), new ByteArrayInputStream(content)));
            throw new IllegalStateException("the business change failed");
        })).hasMessage("the business change failed");

        assertThat(files.find(kept.get().id())).isEmpty();
        assertThat(objectExists("files/" + kept.get().id())).isFalse();
    }

    @Test
    void aPdfCutShortIsRefusedAndNoObjectIsLeftInTheBucket() throws Exception {
        byte[] whole = TestFiles.pdf(300_000, 14);
        byte[] half = TestFiles.cut(whole, whole.length / 2);
        int before = jdbc.sql("select count(*) from files_file").query(Integer.class).single();
        for (long declared : new long[] {half.length, -1}) {
            assertThatThrownBy(() -> tx.execute(s -> files.store(scan("a.pdf", declared), new ByteArrayInputStream(half))))
                    .isInstanceOfSatisfying(com.lead2cash.platform.FieldValidationException.class,
                            e -> assertThat(e.errors().get(0).messageKey()).isEqualTo("files.truncated"));
        }
        assertThat(jdbc.sql("select count(*) from files_file").query(Integer.class).single()).isEqualTo(before);
        try (S3Client s3 = S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + proxy.getPort()))
                .region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET))).build()) {
            assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("files/")).contents()).as("objects left")
                    .hasSize(jdbc.sql("select count(*) from files_file where store = 'S3'").query(Integer.class).single());
        }
    }

    private boolean objectExists(String key) {
        try (S3Client s3 = S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + proxy.getPort()))
                .region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET))).build()) {
            return s3.listObjectsV2(b -> b.bucket(BUCKET).prefix(key)).contents().stream().anyMatch(o -> o.key().equals(key));
        }
    }
}
