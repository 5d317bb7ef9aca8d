/**
 * Storage of groups and their sessions, as the domain sees it: {@link
 * org.balint.store.GroupRepository} keeps whole {@code balint/1} records (a group with its
 * sessions), {@link org.balint.store.SessionRepository} reads and writes single sessions and
 * appends contributions as they are made, and {@link org.balint.store.BalintStore} hands out both.
 * Reads return {@link java.util.Optional} and {@link org.balint.store.Versioned versioned} values;
 * a write checked against an old version fails with a {@link
 * org.balint.store.VersionConflictException}; every storage failure is an unchecked {@link
 * org.balint.store.StorageException} with a message in plain words. {@link
 * org.balint.store.InMemoryStore} is the thread-safe store for tests and short-lived programs; the
 * {@code balint-persistence-jdbc} module implements the same interfaces over a database.
 *
 * <p>The repositories sit in a package of their own, rather than beside the aggregates in {@code
 * group} and {@code session}, because a record spans both packages (a group with its sessions) and
 * the stored violations come from {@code method}: placed here, storage depends on the domain and
 * nothing in the domain depends on storage, so the dependency rule of core ({@code group} ← {@code
 * session} ← {@code method}) stays one way. Everything here is non-null unless marked otherwise.
 */
@BalintStyle
@NullMarked
package org.balint.store;

import org.balint.BalintStyle;
import org.jspecify.annotations.NullMarked;
