package org.balint.training;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.balint.Ids;
import org.balint.session.Case;
import org.balint.session.GroupRecord;
import org.balint.session.Session;
import org.balint.session.SessionMode;

/**
 * The Balint sessions one person attended, presented at or led, in time order: the record a trainee
 * shows a training scheme, and a leader in training shows a Balint society.
 *
 * <p>Built from group records: a person is counted for a session when their id is in its {@code
 * present} list; as {@link AttendanceRole#LEADER} when they are one of the group's leaders, as
 * {@link AttendanceRole#PRESENTER} when they presented one of its cases, else as {@link
 * AttendanceRole#MEMBER}.
 */
public final class AttendanceLedger {
  private final String personId;
  private final ImmutableList<LedgerEntry> entries;

  private AttendanceLedger(String personId, ImmutableList<LedgerEntry> entries) {
    this.personId = personId;
    this.entries = entries;
  }

  /**
   * Builds a person's ledger from the records of the groups they belong to.
   *
   * @param personId the person's id (as on the groups' rosters)
   * @param records the groups' records
   * @return the ledger, entries in order of session start
   * @throws IllegalArgumentException if {@code personId} is not a well-formed id
   */
  public static AttendanceLedger of(String personId, List<GroupRecord> records) {
    Ids.check("personId", personId);
    checkNotNull(records, "records");
    List<LedgerEntry> entries = new ArrayList<>();
    for (GroupRecord record : records) {
      boolean leader = record.group().isLeader(personId);
      for (Session session : record.sessions()) {
        if (!session.present().contains(personId)) {
          continue;
        }
        boolean presented =
            session.cases().stream().map(Case::presenter).anyMatch(personId::equals);
        entries.add(
            LedgerEntry.builder()
                .groupId(record.group().id())
                .sessionId(session.id())
                .start(session.start())
                .duration(session.duration().orElse(Duration.ZERO))
                .mode(session.mode().orElse(SessionMode.IN_PERSON))
                .role(
                    leader
                        ? AttendanceRole.LEADER
                        : presented ? AttendanceRole.PRESENTER : AttendanceRole.MEMBER)
                .build());
      }
    }
    entries.sort(Comparator.comparing(LedgerEntry::start).thenComparing(LedgerEntry::groupId));
    return new AttendanceLedger(personId, ImmutableList.copyOf(entries));
  }

  /**
   * The person whose ledger this is.
   *
   * @return the person's id
   */
  public String personId() {
    return personId;
  }

  /**
   * The sessions, in order of start.
   *
   * @return the entries
   */
  public ImmutableList<LedgerEntry> entries() {
    return entries;
  }
}
