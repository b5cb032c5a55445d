-- The planner matches changes against an index of subscriptions it keeps in memory (subscription.SubscriptionIndex),
-- which replaces the per-term rows of subscription_term. The database stays the truth: every write that changes what
-- planning reads (filter, events, start, disabled or not) takes the next number of this counter and stamps the row
-- with it, and a deletion leaves a tombstone with its number; each replica's index reads what is numbered above the
-- last number it saw. Writers hold the counter's row lock until they commit, so numbers are taken in commit order.
create table subscription_version (
    name    varchar(40) primary key,
    version bigint      not null
);
insert into subscription_version (name, version) values ('index', 0);

alter table subscription add column index_version bigint default 0 not null;
create index ix_subscription_index_version on subscription (index_version);

-- Deleted subscriptions, so that indexes drop them; kept for noticeline.subscriptions.retention.
create table subscription_removed (
    subscription_id varchar(40) primary key,
    index_version   bigint      not null,
    removed_at      timestamp with time zone not null
);
create index ix_subscription_removed_version on subscription_removed (index_version);

drop table subscription_term;

-- Senders claim the due deliveries in (next_attempt_at, id) order, a batch at a time: with id in the index the claim
-- reads its batch in order and stops, however many are pending.
drop index ix_delivery_due;
create index ix_delivery_due on delivery (status, next_attempt_at, id);
