package org.balint.benchmarks;

import com.google.common.collect.ImmutableList;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.balint.Extensions;
import org.balint.group.Group;
import org.balint.group.Leader;
import org.balint.group.LeaderTraining;
import org.balint.group.Member;
import org.balint.group.Profession;
import org.balint.jdbc.JdbcStore;
import org.balint.session.Case;
import org.balint.session.Contribution;
import org.balint.session.ContributionKind;
import org.balint.session.GroupRecord;
import org.balint.session.Phase;
import org.balint.session.Recording;
import org.balint.session.RecordingPurpose;
import org.balint.session.Session;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The import rate through the store beside a bare JDBC batched INSERT of the same rows into the
 * same database, on the embedded H2 file database and on an embedded PostgreSQL.
 *
 * <p>Each operation imports one document of {@value #SESSIONS} sessions with {@value
 * #CONTRIBUTIONS_EACH} contributions each ({@value #CONTRIBUTIONS_PER_DOCUMENT} contributions) as a
 * new group, in one transaction. {@code store} goes through {@link JdbcStore} ({@code
 * groups().store(record)}: lock, version, batched inserts of every table); {@code bareJdbc} inserts
 * the same rows into the same tables (generation 1) with one batched INSERT per table and nothing
 * else. Contributions per second = operations per second × {@value #CONTRIBUTIONS_PER_DOCUMENT}.
 * Both use one HikariCP pool, configured as {@link JdbcStore#open(String)} configures its own.
 *
 * <p>Run: {@code mvn -B -pl balint-benchmarks -am package -DskipTests && java -jar
 * balint-benchmarks/target/benchmarks.jar StoreImportBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(1)
public class StoreImportBenchmark {
  /** Sessions per imported document. */
  public static final int SESSIONS = 10;

  /** Contributions per session. */
  public static final int CONTRIBUTIONS_EACH = 200;

  /** Contributions per imported document. */
  public static final int CONTRIBUTIONS_PER_DOCUMENT = SESSIONS * CONTRIBUTIONS_EACH;

  /**
   * The database: {@code h2} (a file in a temporary directory) or {@code postgresql} (embedded).
   */
  @Param({"h2", "postgresql"})
  public String database;

  private @Nullable EmbeddedPostgres postgres;
  private HikariDataSource pool;
  private JdbcStore store;
  private GroupRecord template;
  private int nextGroup;

  /**
   * Starts the database, opens the store (which creates the schema) and builds the document.
   *
   * @throws IOException if the database cannot be started
   */
  @Setup(Level.Trial)
  public void open() throws IOException {
    HikariConfig config = new HikariConfig();
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    if (database.equals("h2")) {
      Path directory = Files.createTempDirectory("balint-bench");
      config.setJdbcUrl("jdbc:h2:file:" + directory.resolve("balint").toAbsolutePath());
    } else {
      postgres = EmbeddedPostgres.builder().start();
      config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
      config.addDataSourceProperty("reWriteBatchedInserts", "true");
    }
    pool = new HikariDataSource(config);
    store = JdbcStore.open(pool);
    template = document("template");
  }

  /**
   * Closes the store, the pool and the database.
   *
   * @throws IOException if the embedded PostgreSQL does not stop
   */
  @TearDown(Level.Trial)
  public void close() throws IOException {
    store.close();
    pool.close();
    if (postgres != null) {
      postgres.close();
    }
  }

  /**
   * Imports the document as a new group through the store.
   *
   * @return the group's version, so that the work is not optimised away
   */
  @Benchmark
  public long store() {
    Group group = Group.copyOf(template.group()).withId("s" + nextGroup++);
    return store.groups().store(GroupRecord.copyOf(template).withGroup(group));
  }

  /**
   * Inserts the same rows as the store would, with bare JDBC batches in one transaction.
   *
   * @return the number of contribution rows inserted
   * @throws SQLException if the database refuses a row
   */
  @Benchmark
  public int bareJdbc() throws SQLException {
    return BareImport.insert(pool, template, "b" + nextGroup++);
  }

  /**
   * A document with a group of two leaders and nine members and {@value #SESSIONS} recorded
   * sessions of {@value #CONTRIBUTIONS_EACH} contributions.
   *
   * @param groupId the group's id
   * @return the document
   */
  static GroupRecord document(String groupId) {
    Group.Builder group =
        Group.builder()
            .id(groupId)
            .name("Benchmark group")
            .addLeader(
                Leader.builder()
                    .id("L1")
                    .name("Dr Ana Reyes")
                    .profession(Profession.GP)
                    .training(LeaderTraining.ACCREDITED)
                    .build());
    for (int i = 1; i <= 9; i++) {
      group.addMember(
          Member.builder().id("m" + i).name("Dr Member " + i).profession(Profession.GP).build());
    }
    ImmutableList<String> present = ImmutableList.of("L1", "m1", "m2", "m3", "m4", "m5");
    GroupRecord.Builder record = GroupRecord.builder().group(group.build());
    Instant first = Instant.parse("2026-01-05T18:00:00.250Z");
    for (int s = 0; s < SESSIONS; s++) {
      Instant start = first.plus(Duration.ofDays(7L * s));
      Session.Builder session =
          Session.builder()
              .id("s" + s)
              .start(start)
              .end(start.plus(Duration.ofMinutes(90)))
              .present(present)
              .recording(
                  Recording.builder().purpose(RecordingPurpose.RESEARCH).consent(present).build())
              .addCase(Case.builder().presenter("m1").title("The woman with the list").build());
      for (int c = 0; c < CONTRIBUTIONS_EACH; c++) {
        session.addContribution(
            Contribution.builder()
                .at(start.plusMillis(2_500L * c))
                .speaker(present.get(1 + c % 5))
                .phase(Phase.values()[c * Phase.values().length / CONTRIBUTIONS_EACH])
                .text("I wonder whether she is testing if he will abandon her too, number " + c)
                .kind(ContributionKind.SPECULATION)
                .extensions(
                    c % 10 == 0
                        ? Optional.of(Extensions.ofJson("{\"coder\":\"A\"}"))
                        : Optional.empty())
                .build());
      }
      record.addSession(session.build());
    }
    return record.build();
  }

  /** The baseline: the store's rows, inserted with nothing but batched INSERTs. */
  static final class BareImport {
    private BareImport() {}

    static int insert(HikariDataSource pool, GroupRecord record, String groupId)
        throws SQLException {
      try (Connection connection = pool.getConnection()) {
        connection.setAutoCommit(false);
        try (PreparedStatement group =
                connection.prepareStatement(
                    "INSERT INTO balint_group (group_id, name, extensions, record_extensions,"
                        + " version, generation) VALUES (?, ?, NULL, NULL, 1, 1)");
            PreparedStatement roster =
                connection.prepareStatement(
                    "INSERT INTO balint_roster (group_id, seq, person_id, roster_role, name,"
                        + " profession, training, extensions, generation)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 1)");
            PreparedStatement sessions =
                connection.prepareStatement(
                    "INSERT INTO balint_session (group_id, session_id, seq, start_s, start_ns,"
                        + " end_s, end_ns, session_mode, recording_purpose, recording_extensions,"
                        + " extensions, version, generation)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, 1, 1)");
            PreparedStatement present =
                connection.prepareStatement(
                    "INSERT INTO balint_present (group_id, session_id, seq, person_id, generation)"
                        + " VALUES (?, ?, ?, ?, 1)");
            PreparedStatement consent =
                connection.prepareStatement(
                    "INSERT INTO balint_consent (group_id, session_id, seq, person_id, generation)"
                        + " VALUES (?, ?, ?, ?, 1)");
            PreparedStatement cases =
                connection.prepareStatement(
                    "INSERT INTO balint_case (group_id, session_id, seq, presenter, title,"
                        + " extensions, generation) VALUES (?, ?, ?, ?, ?, NULL, 1)");
            PreparedStatement contributions =
                connection.prepareStatement(
                    "INSERT INTO balint_contribution (group_id, session_id, seq, at_s, at_ns,"
                        + " speaker, phase, content, kind, case_index, extensions, generation)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
          group.setString(1, groupId);
          group.setString(2, record.group().name());
          group.executeUpdate();
          int seq = 0;
          for (Leader leader : record.group().leaders()) {
            person(roster, groupId, seq++, leader.id(), "LEADER", leader.name());
            roster.setString(6, leader.profession().name());
            roster.setString(7, leader.training().name());
            roster.addBatch();
          }
          for (Member member : record.group().members()) {
            person(roster, groupId, seq++, member.id(), "MEMBER", member.name());
            roster.setString(6, member.profession().name());
            roster.setNull(7, Types.VARCHAR);
            roster.addBatch();
          }
          roster.executeBatch();
          int count = 0;
          int sessionSeq = 0;
          for (Session session : record.sessions()) {
            sessions.setString(1, groupId);
            sessions.setString(2, session.id());
            sessions.setInt(3, sessionSeq++);
            sessions.setLong(4, session.start().getEpochSecond());
            sessions.setInt(5, session.start().getNano());
            Instant end = session.end().orElseThrow();
            sessions.setLong(6, end.getEpochSecond());
            sessions.setInt(7, end.getNano());
            sessions.setString(8, session.mode().map(Enum::name).orElse(null));
            sessions.setString(9, session.recording().orElseThrow().purpose().name());
            sessions.addBatch();
            people(present, groupId, session.id(), session.present());
            people(consent, groupId, session.id(), session.recording().orElseThrow().consent());
            int caseSeq = 0;
            for (Case presented : session.cases()) {
              cases.setString(1, groupId);
              cases.setString(2, session.id());
              cases.setInt(3, caseSeq++);
              cases.setString(4, presented.presenter());
              cases.setString(5, presented.title());
              cases.addBatch();
            }
            int contributionSeq = 0;
            for (Contribution contribution : session.contributions()) {
              contributions.setString(1, groupId);
              contributions.setString(2, session.id());
              contributions.setInt(3, contributionSeq++);
              Instant at = contribution.at().orElseThrow();
              contributions.setLong(4, at.getEpochSecond());
              contributions.setInt(5, at.getNano());
              contributions.setString(6, contribution.speaker());
              contributions.setString(7, contribution.phase().name());
              contributions.setString(8, contribution.text());
              contributions.setString(9, contribution.kind().orElseThrow().name());
              contributions.setInt(10, contribution.caseIndex());
              if (contribution.extensions().isPresent()) {
                contributions.setString(11, contribution.extensions().get().json());
              } else {
                contributions.setNull(11, Types.VARCHAR);
              }
              contributions.addBatch();
              count++;
            }
          }
          sessions.executeBatch();
          present.executeBatch();
          consent.executeBatch();
          cases.executeBatch();
          contributions.executeBatch();
          connection.commit();
          return count;
        } catch (SQLException | RuntimeException failure) {
          connection.rollback();
          throw failure;
        } finally {
          connection.setAutoCommit(true);
        }
      }
    }

    private static void person(
        PreparedStatement roster, String groupId, int seq, String id, String role, String name)
        throws SQLException {
      roster.setString(1, groupId);
      roster.setInt(2, seq);
      roster.setString(3, id);
      roster.setString(4, role);
      roster.setString(5, name);
    }

    private static void people(
        PreparedStatement statement, String groupId, String sessionId, List<String> ids)
        throws SQLException {
      int seq = 0;
      for (String id : ids) {
        statement.setString(1, groupId);
        statement.setString(2, sessionId);
        statement.setInt(3, seq++);
        statement.setString(4, id);
        statement.addBatch();
      }
    }
  }
}
