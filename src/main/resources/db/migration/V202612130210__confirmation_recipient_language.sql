-- The language the recipient's record names (decision 0098): their page is written in it rather than in their
-- browser's; null when the owning module names none (the page follows the browser, as before).
alter table confirmation_confirmation add column recipient_language text;
