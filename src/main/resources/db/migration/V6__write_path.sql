-- The one write path: an idempotent replay answers with the outcome of the first write (created, updated,
-- unchanged), not an HTTP status, so the record no longer speaks HTTP.
alter table idempotency_record add column outcome varchar(16);
update idempotency_record set outcome = case when status = 201 then 'created' else 'updated' end;
alter table idempotency_record alter column outcome set not null;
alter table idempotency_record drop column status;
