-- How many published notices each platform, instrument, provision, authority and proceeding has, and each pair the
-- matrix and the citation panels read (instrument and platform, provision and platform, type and platform, instrument
-- and provision of another instrument), by the year of the notices' dates. The write path keeps it in each notice's
-- own transaction (notice.LinkTally), so that the index pages, the panels and the matrix read a few hundred rows
-- instead of counting the record (seconds at 100,000 notices).
-- notice.tallied is what the notice adds to it now: null for notices written before this migration, which a
-- background pass at start-up adds; until that pass has finished, pages count the record as before.
create table link_tally (
    dimension   varchar(24)  not null,
    item_key    varchar(160) not null,  -- a pair: a type (40) or an instrument, a separator, a platform or a rule key (64)
    notice_year integer      not null,
    notices     bigint       not null,
    primary key (dimension, item_key, notice_year)
);
alter table notice add column tallied text;
-- H2's writers take turns on this lock around their MERGE into link_tally, which H2 does not make atomic.
insert into app_lock (name) values ('tally');
