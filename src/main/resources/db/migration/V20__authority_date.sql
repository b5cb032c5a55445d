-- An authority's timeline is read newest first along this index, as a case's is along ix_notice_proceeding_date: by
-- the authority alone, the Commission's page sorted most of the record after each change (110 to 540 ms at 100,000
-- notices in H2). ix_notice_authority stays: H2 holds the foreign key's constraint to it.
create index ix_notice_authority_date on notice (authority_id, notice_date desc, id desc);
