-- The tally gains authority-platform-month and platform-proceeding-month rows (notice.LinkTally), which the overviews
-- of an authority and of a platform read instead of counting their notices by lane and month. What a notice adds
-- changes, so the tally is emptied and every notice is tallied again by the start-up pass; until it has finished,
-- pages count the record as they did before the tally.
alter table link_tally alter column dimension set data type varchar(32);
delete from link_tally;
update notice set tallied = null where tallied is not null;
delete from app_milestone where name = 'link-tally-filled';
