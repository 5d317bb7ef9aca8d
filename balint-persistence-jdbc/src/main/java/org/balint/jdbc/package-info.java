/**
 * Core's repositories over JDBC: {@link org.balint.jdbc.JdbcStore} opens a database (the embedded
 * H2 file under {@code ./balint-data/} by default, or PostgreSQL or MariaDB by URL), pools its
 * connections with HikariCP and brings its schema up to date with Flyway; {@link
 * org.balint.jdbc.GroupRepositoryJdbc} and {@link org.balint.jdbc.SessionRepositoryJdbc} map the
 * domain's records to rows with explicit converters, so that the domain types carry no
 * persistence annotations. The SQL of each table is in one class named for it ({@code GroupTable},
 * {@code SessionTable}, ...), with named parameters bound by name ({@code Sql}). Every write is
 * one transaction; failures surface as core's {@link
 * org.balint.store.StorageException}s with plain messages. Everything here is non-null unless
 * marked otherwise.
 */
@NullMarked
package org.balint.jdbc;

import org.jspecify.annotations.NullMarked;
