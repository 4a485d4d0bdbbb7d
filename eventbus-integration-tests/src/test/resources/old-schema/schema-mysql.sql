-- The eventbus_outbox and eventbus_inbox tables as eventbus 0.1.0 (before topic and publisher were recorded) created them: the old shape the upgrade test starts from. Do not edit.
-- eventbus outbox and inbox, MySQL 8 / MariaDB 10.6+. Idempotent: safe to run on every start.
create table if not exists eventbus_outbox (
    id              bigint        not null auto_increment primary key,
    event_id        char(36)      not null unique,
    channel         varchar(256)  not null,
    action          varchar(64)   not null,
    entity_id       varchar(255),
    ordering_key    varchar(512)  not null,
    body            mediumtext    not null,
    created_at      timestamp(6)  not null,
    next_attempt_at timestamp(6)  not null,
    attempts        integer       not null default 0,
    last_error      varchar(2000),
    published_at    timestamp(6)  null,
    index eventbus_outbox_pending (published_at, id),
    index eventbus_outbox_key (ordering_key(191), id)
);
create table if not exists eventbus_inbox (
    listener_id     varchar(255)  not null,
    event_id        char(36)      not null,
    handled_at      timestamp(6)  not null,
    primary key (listener_id, event_id),
    index eventbus_inbox_handled (handled_at)
);
