/**
 * Balint groups: the group, its leaders with their training in the method, and its members with
 * their professions. The roster of a group is its leaders and members together; ids are unique
 * across it. Everything here is non-null unless marked otherwise.
 */
@BalintStyle
@NullMarked
package org.balint.group;

import org.balint.BalintStyle;
import org.jspecify.annotations.NullMarked;
