-- Names the linking engine reads in context (engine version 2): shared and generic instrument names, authority names
-- another authority shares, and phrases that contain a platform's or provider's name without meaning it.
alter table instrument add column context_aliases text;
alter table instrument add column generic_names text;
alter table authority add column context_aliases text;
alter table platform add column not_names text;
alter table platform add column common_word boolean not null default false;
alter table provider add column not_names text;
