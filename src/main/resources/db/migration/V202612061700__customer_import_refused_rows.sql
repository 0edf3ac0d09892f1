-- The cells of an import's refused rows, as the file gave them: the uploaded file is dropped when the import ends,
-- and the report gives these rows back in the template's columns, to be corrected and imported again.
create table customer_import_row (
    import_id uuid  not null references customer_import (id) on delete cascade,
    line      int   not null,
    cells     jsonb not null,
    primary key (import_id, line)
);
