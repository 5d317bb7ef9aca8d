package org.balint.store;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.balint.group.Group;
import org.balint.group.Person;
import org.balint.session.GroupRecord;
import org.balint.session.Session;
import org.immutables.value.Value;

/**
 * A document merged into a stored record, as {@link GroupRepository#merge} does it: the document's
 * people are added or updated and the people already stored stay; the document's sessions are
 * stored whole (one with a stored id replaces that session, in its place) and the stored sessions
 * the document does not mention stay. The group's name is the document's; extensions the document
 * leaves out stay as stored.
 *
 * <p>The same comparison says what {@link GroupRepository#store(GroupRecord, List) replacing} the
 * record by the document would delete: the {@link #peopleKept() people} and {@link #sessionsKept()
 * sessions} the document does not mention.
 */
@Value.Immutable
public abstract class AbstractRecordMerge {
  /**
   * The record after the merge.
   *
   * @return the merged record
   */
  public abstract GroupRecord merged();

  /**
   * The ids of the document's people who were not stored, in roster order.
   *
   * @return the people added
   */
  public abstract ImmutableList<String> peopleAdded();

  /**
   * The ids of the document's people who were stored and differ in the document (a new name,
   * profession, training, date or role).
   *
   * @return the people updated
   */
  public abstract ImmutableList<String> peopleUpdated();

  /**
   * The ids of the stored people the document does not mention; a merge keeps them.
   *
   * @return the people kept
   */
  public abstract ImmutableList<String> peopleKept();

  /**
   * The ids of the document's sessions that were not stored.
   *
   * @return the sessions added, in document order
   */
  public abstract ImmutableList<String> sessionsAdded();

  /**
   * The ids of the document's sessions that replace a stored session with the same id.
   *
   * @return the sessions replaced, in document order
   */
  public abstract ImmutableList<String> sessionsReplaced();

  /**
   * The ids of the stored sessions the document does not mention; a merge keeps them.
   *
   * @return the sessions kept, in stored order
   */
  public abstract ImmutableList<String> sessionsKept();

  /**
   * Merges a document into what is stored of its group.
   *
   * @param stored the stored record of the document's group, or empty if none is stored
   * @param document the document
   * @return the merge
   * @throws IllegalArgumentException if {@code stored} is of another group, or the merged record
   *     breaks a record's invariants
   */
  public static RecordMerge of(Optional<GroupRecord> stored, GroupRecord document) {
    Group incoming = document.group();
    if (stored.isEmpty()) {
      return RecordMerge.builder()
          .merged(document)
          .peopleAdded(incoming.rosterIds())
          .sessionsAdded(
              document.sessions().stream()
                  .map(Session::id)
                  .collect(ImmutableList.toImmutableList()))
          .build();
    }
    GroupRecord old = stored.get();
    Group group = old.group();
    if (!group.id().equals(incoming.id())) {
      throw new IllegalArgumentException(
          "stored must be a record of group " + incoming.id() + ", but was of " + group.id());
    }
    RecordMerge.Builder merge = RecordMerge.builder();
    for (String id : incoming.rosterIds()) {
      Optional<Person> before = group.person(id);
      if (before.isEmpty()) {
        merge.addPeopleAdded(id);
      } else if (!before.get().equals(incoming.person(id).orElseThrow())) {
        merge.addPeopleUpdated(id);
      }
    }
    for (String id : group.rosterIds()) {
      if (!incoming.rosterIds().contains(id)) {
        merge.addPeopleKept(id);
      }
    }
    Group mergedGroup =
        Group.builder()
            .id(incoming.id())
            .name(incoming.name())
            .leaders(roster(group.leaders(), incoming.leaders(), incoming.rosterIds()))
            .members(roster(group.members(), incoming.members(), incoming.rosterIds()))
            .extensions(incoming.extensions().or(group::extensions))
            .build();

    Map<String, Session> sessions = new LinkedHashMap<>();
    old.sessions().forEach(session -> sessions.put(session.id(), session));
    for (Session session : document.sessions()) {
      if (sessions.put(session.id(), session) == null) {
        merge.addSessionsAdded(session.id());
      } else {
        merge.addSessionsReplaced(session.id());
      }
    }
    for (Session session : old.sessions()) {
      if (document.session(session.id()).isEmpty()) {
        merge.addSessionsKept(session.id());
      }
    }
    return merge
        .merged(
            GroupRecord.builder()
                .group(mergedGroup)
                .sessions(sessions.values())
                .extensions(document.extensions().or(old::extensions))
                .build())
        .build();
  }

  /**
   * One part of the merged roster (leaders or members): the stored people in their order, each
   * replaced by the document's version where the document has them in this part and dropped where
   * the document has them in the other part, then the document's people new to this part.
   */
  private static <P extends Person> List<P> roster(
      List<P> stored, List<P> incoming, Set<String> incomingIds) {
    Map<String, P> byId = new LinkedHashMap<>();
    incoming.forEach(person -> byId.put(person.id(), person));
    List<P> merged = new ArrayList<>();
    for (P person : stored) {
      P update = byId.remove(person.id());
      if (update != null) {
        merged.add(update);
      } else if (!incomingIds.contains(person.id())) {
        merged.add(person);
      }
    }
    merged.addAll(byId.values());
    return merged;
  }

  /**
   * Tells whether replacing the stored record by the document would delete anything: a stored
   * person or session the document does not mention.
   *
   * @return true when {@link #peopleKept()} or {@link #sessionsKept()} is not empty
   */
  public boolean replacingDeletes() {
    return !peopleKept().isEmpty() || !sessionsKept().isEmpty();
  }
}
