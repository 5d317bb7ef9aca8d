/**
 * The {@code balint} command-line program: picocli commands over the core, JSON and storage
 * modules. {@link org.balint.cli.BalintCli#create} builds the command line with the writers it
 * prints to, so that tests see exactly what a user sees. Exit codes are in {@link
 * org.balint.cli.ExitCodes}. Everything here is non-null unless marked otherwise.
 */
@NullMarked
package org.balint.cli;

import org.jspecify.annotations.NullMarked;
