-- Customer confirmations: the frozen document sent to a contact, the links to it (only their keyed
-- hashes), the answer with its evidence, the signing key and the public page's rate windows.

create table confirmation_confirmation (
    id                   uuid primary key,
    purpose              text not null check (purpose in ('CONFIRM_DOCUMENT', 'ACCEPT_OR_REJECT', 'RATE')),
    subject_type         text not null,
    subject_id           text not null,
    subject_version      int not null check (subject_version >= 1),
    title                text not null,
    -- the canonical form of the document as sent; never changed after insert (see the trigger)
    document             text not null,
    document_sha256      text not null check (document_sha256 ~ '^[0-9a-f]{64}$'),
    recipient_contact_id uuid,
    recipient_name       text not null,
    recipient_email      text,
    locale               text not null,
    owner_id             uuid,
    requested_by         uuid not null,
    sent_at              timestamptz not null,
    expires_at           timestamptz not null,
    state                text not null check (state in ('SENT', 'VIEWED', 'CONFIRMED', 'CHANGES_REQUESTED',
                                                        'ACCEPTED', 'REJECTED', 'RATED', 'SUPERSEDED')),
    viewed_at            timestamptz,
    answered_at          timestamptz,
    answered_name        text,
    answered_ip          text,
    answered_user_agent  text,
    answered_sha256      text,
    rating               int check (rating between 1 and 5),
    comment              text,
    superseded_at        timestamptz,
    version              bigint not null,
    check (expires_at > sent_at)
);
-- the owning record's screens and supersession look confirmations up by subject
create index confirmation_subject_idx on confirmation_confirmation (subject_type, subject_id, subject_version);

-- What was sent cannot be rewritten through the product: the evidence of a confirmation is the hash of this text.
create function confirmation_document_frozen() returns trigger language plpgsql as $$
begin
    if new.document is distinct from old.document or new.document_sha256 is distinct from old.document_sha256
       or new.purpose is distinct from old.purpose or new.subject_type is distinct from old.subject_type
       or new.subject_id is distinct from old.subject_id or new.subject_version is distinct from old.subject_version then
        raise exception 'a sent confirmation document cannot be changed';
    end if;
    return new;
end $$;
create trigger confirmation_document_frozen before update on confirmation_confirmation
    for each row execute function confirmation_document_frozen();

-- A link: HMAC-SHA-256(signing key, binding of the confirmation + the random token). The token itself is never stored.
create table confirmation_link (
    id              uuid primary key,
    confirmation_id uuid not null references confirmation_confirmation (id),
    token_mac       bytea not null unique,
    issued_at       timestamptz not null,
    issued_by       uuid,
    emailed         boolean not null
);
create index confirmation_link_confirmation_idx on confirmation_link (confirmation_id);

-- One key for every node, made on first use.
create table confirmation_signing_key (
    id         smallint primary key check (id = 1),
    secret     bytea not null check (length(secret) >= 32),
    created_at timestamptz not null
);

-- Requests to the public page per client address and minute (brute-force guard, shared by all nodes).
create table confirmation_rate_window (
    client       text not null,
    window_start timestamptz not null,
    hits         int not null,
    primary key (client, window_start)
);
create index confirmation_rate_window_start_idx on confirmation_rate_window (window_start);
