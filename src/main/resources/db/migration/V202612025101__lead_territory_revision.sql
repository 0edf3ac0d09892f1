-- The territories' revision (辖区版本): routing keeps the territories in memory between captures and
-- reads only this number to know whether they changed. Every change to a territory or its members takes
-- a new value from a sequence, so a change that rolls back never leaves a number a later change reuses.
create sequence lead_territory_revision_seq;

create table lead_territory_revision (
    id       int    primary key check (id = 1),
    revision bigint not null
);
insert into lead_territory_revision (id, revision) values (1, nextval('lead_territory_revision_seq'));

create function lead_territory_changed() returns trigger language plpgsql as $$
begin
    update lead_territory_revision set revision = nextval('lead_territory_revision_seq') where id = 1;
    return null;
end
$$;

create trigger lead_territory_revision_on_territory
    after insert or update or delete or truncate on lead_territory
    for each statement execute function lead_territory_changed();
create trigger lead_territory_revision_on_member
    after insert or update or delete or truncate on lead_territory_member
    for each statement execute function lead_territory_changed();
