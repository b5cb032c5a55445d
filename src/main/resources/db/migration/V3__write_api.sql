-- Idempotency-Key: a retried write with the same key and the same request replays the first answer.
create table idempotency_record (
    idem_key      varchar(200) not null,
    caller        varchar(100) not null,
    request_hash  varchar(64)  not null,
    status        integer      not null,
    slug          varchar(150) not null,
    created_at    timestamp with time zone not null,
    primary key (idem_key, caller)
);
