-- One-off upgrade steps the service has finished on this database, so that a start-up does not look again: a look
-- can mean reading the whole change log.
create table app_milestone (
    name       varchar(64) primary key,
    reached_at timestamp with time zone not null
);

-- A case's newest step (platform pages show it for every case of the platform) is read along this index.
create index ix_notice_proceeding_date on notice (proceeding_id, notice_date desc, id desc);
