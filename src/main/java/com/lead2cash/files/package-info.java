/**
 * Files (文件存储) — one mechanism for every document the product keeps: signed contract scans,
 * contract renditions, delivery acceptance forms, handover checklists, complaint evidence. Content is
 * stored in PostgreSQL by default (streamed in chunks, so backups and several nodes need nothing more)
 * or in an S3-compatible object store chosen by configuration; the type is detected from the content,
 * never from the file name; a file cut short is refused; sizes are limited; every file's SHA-256 is recorded; a file is kept until
 * its retention date (R1) and cannot be deleted before.
 *
 * <p>The module never decides who may read a file: the owning module checks its own data scope and
 * then asks {@link com.lead2cash.files.FileStore#open} for the content.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Files", allowedDependencies = {"platform"})
package com.lead2cash.files;
