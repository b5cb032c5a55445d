-- Secrets the service makes for itself when none is configured, shared by every replica on the database:
-- 'session' signs the admin pages' session cookies unless noticeline.session-secret is set.
create table app_secret (
    name   varchar(64)  primary key,
    secret varchar(200) not null
);

insert into app_lock (name) values ('secrets');
