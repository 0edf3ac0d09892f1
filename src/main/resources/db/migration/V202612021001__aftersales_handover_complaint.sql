-- After-sales (售后): the handover of a signed customer to the service team (交接, H1), complaints (投诉)
-- with their SLA (S1, S2), 5 Whys and actions, evidence files, and satisfaction surveys (满意度调查).

create sequence aftersales_handover_seq;
create sequence aftersales_complaint_seq;

create table aftersales_handover (
    id                  uuid primary key,
    code                text not null unique,
    contract_id         uuid not null unique,
    contract_number     text not null,
    customer_id         uuid not null,
    customer_name       text not null,
    rep_id              uuid not null,
    service_owner_id    uuid,
    status              text not null check (status in ('OPEN', 'SUBMITTED', 'ACCEPTED', 'RETURNED')),
    background          text,
    service_needs       text,
    special_agreements  text,
    key_contacts        text,
    open_issues         text,
    documents           text,
    -- the customer's contacts when it was handed over (comma-separated ids): the after-sales owner reaches them
    contact_ids         text,
    return_questions    text,
    return_count        int not null default 0,
    opened_at           timestamptz not null,
    submitted_at        timestamptz,
    accepted_at         timestamptz,
    returned_at         timestamptz,
    version             bigint not null
);
create index aftersales_handover_owner_idx on aftersales_handover (service_owner_id, status);
create index aftersales_handover_rep_idx on aftersales_handover (rep_id, status);
-- who serves a customer now: its latest accepted handover
create index aftersales_handover_customer_idx on aftersales_handover (customer_id, accepted_at desc);

create table aftersales_complaint (
    id                      uuid primary key,
    code                    text not null unique,
    customer_id             uuid not null,
    customer_name           text not null,
    customer_owner_id       uuid,
    contact_id              uuid,
    product_line            text,
    category                text not null check (category in ('PRODUCT', 'DELIVERY', 'SERVICE', 'BILLING', 'OTHER')),
    severity                text not null check (severity in ('CRITICAL', 'MAJOR', 'MINOR')),
    received_via            text not null check (received_via in ('PHONE', 'EMAIL', 'VISIT', 'LINK', 'OTHER')),
    description             text not null,
    status                  text not null check (status in ('RECEIVED', 'CLASSIFIED', 'HANDLING', 'FEEDBACK', 'CLOSED')),
    handler_id              uuid not null,
    received_by             uuid not null,
    received_at             timestamptz not null,
    level_one               boolean not null,
    repeat_of               uuid references aftersales_complaint (id),
    policy_version          bigint not null,
    response_due_at         timestamptz not null,
    resolution_due_at       timestamptz not null,
    classified_at           timestamptz,
    first_response          text,
    first_response_at       timestamptz,
    why1                    text,
    why2                    text,
    why3                    text,
    why4                    text,
    why5                    text,
    root_cause              text,
    corrective_action       text,
    corrective_owner_id     uuid,
    corrective_due_on       date,
    preventive_action       text,
    preventive_owner_id     uuid,
    preventive_due_on       date,
    resolution              text,
    feedback_at             timestamptz,
    rating_confirmation_id  uuid,
    rating                  int check (rating between 1 and 5),
    rating_comment          text,
    no_rating_reason        text,
    closed_at               timestamptz,
    version                 bigint not null
);
create index aftersales_complaint_handler_idx on aftersales_complaint (handler_id, received_at desc, id desc);
create index aftersales_complaint_customer_idx on aftersales_complaint (customer_id, received_at desc);
create index aftersales_complaint_list_idx on aftersales_complaint (received_at desc, id desc);

create table aftersales_complaint_evidence (
    complaint  uuid not null references aftersales_complaint (id) on delete cascade,
    file_id    uuid not null,
    added_by   uuid not null,
    added_at   timestamptz not null,
    primary key (complaint, file_id)
);

-- a short survey to a customer contact through the confirmation module; the answer lands here
create table aftersales_survey (
    id               uuid primary key,
    customer_id      uuid not null,
    occasion         text not null check (occasion in ('COMPLAINT_CLOSED', 'ORDER_ACCEPTED')),
    subject_id       uuid not null,
    rep_id           uuid,
    team_id          uuid,
    product_line     text,
    confirmation_id  uuid not null unique,
    sent_at          timestamptz not null,
    rating           int check (rating between 1 and 5),
    comment          text,
    answered_at      timestamptz,
    unique (occasion, subject_id)
);
create index aftersales_survey_answered_idx on aftersales_survey (answered_at) where rating is not null;
create index aftersales_survey_customer_idx on aftersales_survey (customer_id, answered_at desc);
