package org.balint.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import org.balint.Extensions;
import org.balint.group.Group;
import org.balint.group.Leader;
import org.balint.group.LeaderTraining;
import org.balint.group.Member;
import org.balint.group.Person;
import org.balint.group.Profession;

/**
 * The SQL of {@code balint_roster}, one row per leader or member of a group's record, leaders
 * first, in roster order ({@code seq}). Days are numbers of days since 1970-01-01.
 */
final class RosterTable {
  private static final Sql INSERT =
      Sql.insert(
          "balint_roster",
          "group_id",
          "generation",
          "seq",
          "person_id",
          "roster_role",
          "name",
          "profession",
          "training",
          "extensions",
          "joined_day",
          "left_day");
  private static final Sql SELECT =
      Sql.of(
          "SELECT person_id, roster_role, name, profession, training, extensions, joined_day,"
              + " left_day FROM balint_roster WHERE group_id = :group_id"
              + " AND generation = :generation ORDER BY seq");

  private RosterTable() {}

  /**
   * Inserts a group's roster: leaders, then members, in order, in one batch.
   *
   * @param connection the connection
   * @param group the group
   * @param generation the generation of the rows
   * @throws SQLException if the database refuses a row
   */
  static void insert(Connection connection, Group group, long generation) throws SQLException {
    try (Sql.Bound rows = INSERT.prepare(connection)) {
      int seq = 0;
      for (Leader leader : group.leaders()) {
        bind(rows, group.id(), generation, seq++, leader, "LEADER")
            .text("training", leader.training().name())
            .add();
      }
      for (Member member : group.members()) {
        bind(rows, group.id(), generation, seq++, member, "MEMBER")
            .text("training", Optional.empty())
            .add();
      }
    }
  }

  private static Sql.Bound bind(
      Sql.Bound row, String groupId, long generation, int seq, Person person, String role)
      throws SQLException {
    return row.generation(groupId, generation)
        .number("seq", seq)
        .text("person_id", person.id())
        .text("roster_role", role)
        .text("name", person.name())
        .text("profession", person.profession().name())
        .extensions("extensions", person.extensions())
        .day("joined_day", person.joined())
        .day("left_day", person.left());
  }

  /**
   * Reads a group's roster into a group being built.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @param generation the generation of the group's rows
   * @param group the group being built
   * @throws SQLException if the query fails
   */
  static void read(Connection connection, String groupId, long generation, Group.Builder group)
      throws SQLException {
    try (Sql.Bound select = SELECT.prepare(connection)) {
      select
          .generation(groupId, generation)
          .forEach(
              row -> {
                String id = row.getString("person_id");
                String name = row.getString("name");
                Profession profession = Profession.valueOf(row.getString("profession"));
                Optional<Extensions> extensions = Columns.extensions(row, "extensions");
                Optional<LocalDate> joined = Columns.day(row, "joined_day");
                Optional<LocalDate> left = Columns.day(row, "left_day");
                if ("LEADER".equals(row.getString("roster_role"))) {
                  group.addLeader(
                      Leader.builder()
                          .id(id)
                          .name(name)
                          .profession(profession)
                          .training(LeaderTraining.valueOf(row.getString("training")))
                          .joined(joined)
                          .left(left)
                          .extensions(extensions)
                          .build());
                } else {
                  group.addMember(
                      Member.builder()
                          .id(id)
                          .name(name)
                          .profession(profession)
                          .joined(joined)
                          .left(left)
                          .extensions(extensions)
                          .build());
                }
              });
    }
  }
}
