-- A contract file's SHA-256 beside its link, so the contract module can tell a scan it has seen before without reading
-- the files module's tables: any contract's review copy (the PDF the product rendered, never a signed paper) and
-- another contract's signed scan (one paper is the signed copy of one contract) are refused as a signed scan.
alter table contract_file add column sha256 text check (sha256 ~ '^[0-9a-f]{64}$');

-- the files kept so far: their hash as the file store recorded it (a one-off copy, the content never changes)
update contract_file cf set sha256 = f.sha256 from files_file f where f.id = cf.file_id;

create index contract_file_sha256_idx on contract_file (sha256, kind);
