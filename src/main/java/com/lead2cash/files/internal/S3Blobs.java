package com.lead2cash.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * File content in an S3-compatible bucket (path-style addressing, which MinIO, Ceph and most
 * on-premises stores need). The object key is the file's id under {@code files/}; the bucket holds
 * nothing a database row does not name.
 */
class S3Blobs implements Blobs, AutoCloseable {

    private final S3Client s3;
    private final String bucket;

    S3Blobs(FilesProperties.S3 config) {
        if (config.endpoint() == null || config.endpoint().isBlank() || config.bucket() == null
                || config.bucket().isBlank()) {
            throw new IllegalStateException("l2c.files.store=s3 needs l2c.files.s3.endpoint and l2c.files.s3.bucket");
        }
        var builder = S3Client.builder()
                .endpointOverride(URI.create(config.endpoint()))
                .region(Region.of(config.region()))
                .forcePathStyle(config.pathStyle());
        if (config.accessKey() != null && !config.accessKey().isBlank()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(config.accessKey(), config.secretKey())));
        }
        this.s3 = builder.build();
        this.bucket = config.bucket();
    }

    @Override
    public FilesProperties.Store kind() {
        return FilesProperties.Store.S3;
    }

    @Override
    public String write(UUID fileId, InputStream content, long length) {
        String key = "files/" + fileId;
        PutObjectRequest put = PutObjectRequest.builder().bucket(bucket).key(key).build();
        if (length >= 0) {
            s3.putObject(put, RequestBody.fromInputStream(content, length));
            return key;
        }
        // an unknown length: spool to a temporary file first, S3 wants the length up front
        Path spool = null;
        try {
            spool = Files.createTempFile("l2c-upload-", ".bin");
            Files.copy(content, spool, StandardCopyOption.REPLACE_EXISTING);
            s3.putObject(put, RequestBody.fromFile(spool));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException ignored) {
                    // a temporary file the system cleans up
                }
            }
        }
    }

    @Override
    public InputStream read(UUID fileId, String key) {
        return s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key).build());
    }

    @Override
    public void remove(UUID fileId, String key) {
        s3.deleteObject(DeleteObjectRequest.builder().bucket(bucket).key(key).build());
    }

    @Override
    public void close() {
        s3.close();
    }
}
