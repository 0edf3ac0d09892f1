-- A contact's preferred language (decision 0098): what the messages sent to them (a satisfaction survey) and the
-- page they open are written in. zh-CN or en; every contact so far is addressed in Chinese.
alter table customer_contact
    add column language text not null default 'zh-CN'
        constraint customer_contact_language_check check (language in ('zh-CN', 'en'));
