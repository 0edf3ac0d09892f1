package com.lead2cash.files.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Where file content is kept ({@code l2c.files.*}): {@code store=database} (default) or {@code s3}
 * with an S3-compatible endpoint, bucket and keys; and the largest file any owner may keep.
 */
@ConfigurationProperties("l2c.files")
public record FilesProperties(Store store, DataSize maxSize, S3 s3) {

    public enum Store { DATABASE, S3 }

    public FilesProperties {
        store = store == null ? Store.DATABASE : store;
        maxSize = maxSize == null ? DataSize.ofMegabytes(20) : maxSize;
        s3 = s3 == null ? new S3(null, null, null, null, null, true) : s3;
    }

    /** An S3-compatible store (AWS S3, MinIO, Ceph, Aliyun OSS, Tencent COS …). */
    public record S3(String endpoint, String region, String bucket, String accessKey, String secretKey,
                     Boolean pathStyle) {

        public S3 {
            region = region == null || region.isBlank() ? "us-east-1" : region;
            pathStyle = pathStyle == null || pathStyle;
        }
    }
}
