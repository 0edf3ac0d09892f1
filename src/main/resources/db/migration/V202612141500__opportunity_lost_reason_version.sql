-- a lost reason's version, for the API's change of one (409 when stale) and the admin screen's row form
alter table opportunity_lost_reason add column version bigint not null default 0;
