/**
 * The {@code balint/1} interchange format: a strict reader that refuses anything the format does
 * not allow and says where, and a writer whose output the reader takes back unchanged. {@link
 * org.balint.json.BalintJson} is the entry point; {@link org.balint.json.BalintJsonReader} reads
 * under limits of your choice; {@link org.balint.json.BalintFormatException} names the JSON path,
 * and where known the line and column, of the first problem found. Everything here is non-null
 * unless marked otherwise.
 */
@NullMarked
package org.balint.json;

import org.jspecify.annotations.NullMarked;
