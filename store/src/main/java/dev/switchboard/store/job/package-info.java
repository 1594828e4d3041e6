/**
 * Durable jobs and named locks in SQL: {@link dev.switchboard.store.job.JdbcJobStore} keeps job records and their
 * output, with compare-and-set state changes so a cancel and a finish cannot both win;
 * {@link dev.switchboard.store.job.JdbcLockStore} takes a lock by inserting its name under a primary key.
 */
package dev.switchboard.store.job;
