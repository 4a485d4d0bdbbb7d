-- eventbus: upgrades an eventbus_outbox table created by eventbus 0.1.0 in place, MySQL 8 / MariaDB 10.6+.
-- Adds the columns that record each event's destination: topic (the SNS topic name) and publisher.
-- Idempotent: safe to run twice and on a table that already has the columns (a statement prepared from
-- information_schema.columns, since MySQL 8 has no 'add column if not exists'; 'do 0' when the column
-- exists, so no lock is taken).
-- Rows written before the upgrade keep null in both: they are published to the relaying application's
-- own topic of their channel, with its publisher.
set @eventbus_ddl = (select if(count(*) = 0, 'alter table eventbus_outbox add column topic varchar(256) null', 'do 0')
    from information_schema.columns
    where table_schema = database() and table_name = 'eventbus_outbox' and column_name = 'topic');
prepare eventbus_upgrade from @eventbus_ddl;
execute eventbus_upgrade;
deallocate prepare eventbus_upgrade;
set @eventbus_ddl = (select if(count(*) = 0, 'alter table eventbus_outbox add column publisher varchar(255) null', 'do 0')
    from information_schema.columns
    where table_schema = database() and table_name = 'eventbus_outbox' and column_name = 'publisher');
prepare eventbus_upgrade from @eventbus_ddl;
execute eventbus_upgrade;
deallocate prepare eventbus_upgrade;
