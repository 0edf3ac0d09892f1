-- Imports as durable background work (docs/decisions/0005-background-work.md): the file's rows are
-- staged at upload, a db-scheduler task creates the leads batch by batch, and each row records the
-- lead it created in the same transaction, so a resumed or repeated run never creates a row twice.

-- Imports that were running in-process when this version was installed cannot resume: they end FAILED.
update lead_import
set state = 'FAILED', finished_at = now(),
    errors = '[{"line":0,"field":"file","message":"导入被升级中断 / interrupted by an upgrade"}]'
where state = 'RUNNING';

alter table lead_import
    add column file_sha256 text,
    add column file_size   bigint,
    add column locale      text,
    add column attempts    int not null default 0,
    add column duplicates  int not null default 0;

-- the same file again from the same person: refused while the first import stands
create index lead_import_file_idx on lead_import (created_by, file_sha256);
-- concurrent imports are counted over these
create index lead_import_active_idx on lead_import (created_by) where state in ('RECEIVING', 'QUEUED', 'RUNNING');

-- One row of an import's file: PENDING until a batch creates its lead (IMPORTED, with lead_id) or
-- refuses it (REFUSED at upload, or when creating the lead was refused); errors and warnings (a region
-- kept as entered) as [{field, message}] in the uploader's language.
create table lead_import_row (
    import_id    uuid not null references lead_import (id) on delete cascade,
    line         int  not null,
    cells        jsonb not null,
    state        text not null,
    errors       jsonb,
    warnings     jsonb,
    lead_id      uuid,
    duplicate_of text,
    primary key (import_id, line)
);
create index lead_import_row_pending_idx on lead_import_row (import_id, line) where state = 'PENDING';
create index lead_import_row_report_idx on lead_import_row (import_id, line)
    where errors is not null or warnings is not null or duplicate_of is not null;
