-- The status a web-to-lead submission was first answered with (201 {code, status}): a repeat of its Idempotency-Key
-- answers the same body (200), never where sales has taken the lead since. Keys kept before this are answered the
-- status the lead had on its capture as far as the lead still tells it (WebToLead.earlier: NEW, or SCREENED when it
-- was screened on capture), which says nothing of how it was handled afterwards.
alter table lead_idempotency add column answered_status text;
