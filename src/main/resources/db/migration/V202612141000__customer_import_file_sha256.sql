-- The same file imported again by the same person is refused naming the earlier import, as the lead import
-- refuses it (lead_import.file_sha256): each customer import keeps its file's SHA-256.
alter table customer_import add column file_sha256 text;

-- imports still under way keep their file: they are recognised too
update customer_import set file_sha256 = encode(sha256(content), 'hex') where content is not null;

create index customer_import_file_idx on customer_import (created_by, file_sha256);
