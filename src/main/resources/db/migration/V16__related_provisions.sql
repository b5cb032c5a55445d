-- Curated groups of related provisions across instruments (notices/catalog/related.yaml). The keys of a group are
-- newline-separated text like aliases: read whole with the catalog, never queried.
create table related_group (
    id         varchar(64)  primary key,
    name       varchar(200) not null,
    note       text,
    provisions text         not null,
    position   integer      not null
);
