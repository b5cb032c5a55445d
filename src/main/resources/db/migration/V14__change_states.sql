-- The state a change left its notice in (the JSON of an /api/notices item), so that asOf=<seq> can answer with the
-- record exactly as it stood after that change, links detected then included. Rows from before this migration have
-- none; each notice's latest row is filled at start-up (notice.ChangeStates), which is exact because nothing changed
-- the notice since. A question that needs an older row without a state is refused, never answered approximately.
alter table notice_change add column state text;
create index ix_notice_change_notice_seq on notice_change (notice_id, seq);
