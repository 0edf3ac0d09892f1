-- Files: one store for every kept document. Metadata here; content in files_chunk (the default) or in an
-- S3-compatible bucket (store = 'S3', storage_key names the object).

create table files_file (
    id            uuid primary key,
    owner_type    text not null,
    owner_id      text not null,
    file_name     text not null check (length(file_name) between 1 and 255),
    content_type  text not null,
    size_bytes    bigint not null check (size_bytes > 0),
    sha256        text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    store         text not null check (store in ('DATABASE', 'S3')),
    storage_key   text,
    stored_at     timestamptz not null,
    stored_by     uuid,
    retain_until  date not null,
    check ((store = 'S3') = (storage_key is not null))
);
-- an owner lists the files of its record
create index files_file_owner_idx on files_file (owner_type, owner_id, stored_at);

-- 256 KiB chunks, written before their file's row in the same transaction (hence the deferred key).
-- Already compressed formats (PDF, JPEG, PNG): stored without TOAST compression.
create table files_chunk (
    file_id  uuid not null references files_file (id) on delete cascade deferrable initially deferred,
    seq      int not null check (seq >= 0),
    data     bytea not null,
    primary key (file_id, seq)
);
alter table files_chunk alter column data set storage external;

-- What was kept is never rewritten: the content, its hash and where it lives are fixed; only the retention
-- date may move (later).
create function files_file_immutable() returns trigger language plpgsql as $$
begin
    if new.sha256 is distinct from old.sha256 or new.size_bytes is distinct from old.size_bytes
       or new.content_type is distinct from old.content_type or new.store is distinct from old.store
       or new.storage_key is distinct from old.storage_key or new.owner_type is distinct from old.owner_type
       or new.owner_id is distinct from old.owner_id or new.stored_at is distinct from old.stored_at then
        raise exception 'a kept file cannot be changed';
    end if;
    if new.retain_until < old.retain_until then
        raise exception 'a retention date cannot be shortened';
    end if;
    return new;
end $$;
create trigger files_file_immutable before update on files_file
    for each row execute function files_file_immutable();

create function files_chunk_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'file content cannot be changed';
end $$;
create trigger files_chunk_immutable before update on files_chunk
    for each row execute function files_chunk_immutable();
