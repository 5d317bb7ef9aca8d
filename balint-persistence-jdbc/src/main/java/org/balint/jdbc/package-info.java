/**
 * Core's repositories over JDBC: {@link org.balint.jdbc.JdbcStore} opens a database (H2, PostgreSQL
 * or MariaDB by URL; by default the URL in {@code BALINT_DB}, else an embedded H2 file in the
 * user's data directory, {@code $XDG_DATA_HOME/balint} or {@code ~/.local/share/balint}), pools its
 * connections with HikariCP and brings its schema up to date with Flyway; {@link
 * org.balint.jdbc.GroupRepositoryJdbc} and {@link org.balint.jdbc.SessionRepositoryJdbc} map the
 * domain's records to rows with explicit converters, so that the domain types carry no persistence
 * annotations. The SQL of each table is in one class named for it ({@code GroupTable}, {@code
 * SessionTable}, ...), with named parameters bound by name ({@code Sql}). Every write is one
 * transaction; failures surface as core's {@link org.balint.store.StorageException}s with plain
 * messages. Everything here is non-null unless marked otherwise.
 */
@NullMarked
package org.balint.jdbc;

import org.jspecify.annotations.NullMarked;
