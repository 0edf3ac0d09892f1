-- Regions become China's administrative divisions (行政区划). A lead keeps the division's six-digit code
-- beside the text as entered; text that names no division keeps a null code and is shown with a warning.
-- Existing region texts are resolved by the Java migration that follows (V202612014001).
alter table lead_lead add column region_code text check (region_code ~ '^[0-9]{6}$');
comment on column lead_lead.region is 'the region as entered, or the division''s full name when it was chosen by code';
comment on column lead_lead.region_code is 'six-digit division code; null while region is set = not resolved (flagged)';

comment on column lead_territory.regions is
    'comma-separated six-digit division codes (each covers its cities and counties), or text kept from before '
    'regions were divisions that names none (matched as text, flagged)';

-- rows of an import kept with a warning (a region that names no division)
alter table lead_import add column warnings text;
