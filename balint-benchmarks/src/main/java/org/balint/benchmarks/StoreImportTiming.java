package org.balint.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import org.balint.group.Group;
import org.balint.jdbc.JdbcStore;
import org.balint.session.GroupRecord;

/**
 * A whole-program timing of the import rate through the store beside bare JDBC batches, robust to a
 * busy machine: in each round it imports one document through the store and one through bare JDBC,
 * alternating which goes first, into the same database in the same process, and reports the median
 * of each and their ratio. The documents are those of {@link StoreImportBenchmark}.
 *
 * <p>Run: {@code mvn -B -pl balint-benchmarks -am package -DskipTests && java -cp
 * balint-benchmarks/target/benchmarks.jar org.balint.benchmarks.StoreImportTiming [rounds]}.
 */
public final class StoreImportTiming {
  private StoreImportTiming() {}

  /**
   * Times both imports on H2 and on embedded PostgreSQL and prints one line per database.
   *
   * @param args optionally the number of rounds (default 40)
   * @throws Exception if a database cannot be started or refuses a row
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    System.out.printf(
        Locale.ROOT,
        "%d rounds, %d contributions per document (%d sessions x %d), medians%n",
        rounds,
        StoreImportBenchmark.CONTRIBUTIONS_PER_DOCUMENT,
        StoreImportBenchmark.SESSIONS,
        StoreImportBenchmark.CONTRIBUTIONS_EACH);
    Path directory = Files.createTempDirectory("balint-timing");
    HikariConfig h2 = config();
    h2.setJdbcUrl("jdbc:h2:file:" + directory.resolve("balint").toAbsolutePath());
    time("H2 (file)", h2, rounds);
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      HikariConfig pg = config();
      pg.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
      pg.addDataSourceProperty("reWriteBatchedInserts", "true");
      time("PostgreSQL (embedded)", pg, rounds);
    }
  }

  private static HikariConfig config() {
    HikariConfig config = new HikariConfig();
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    return config;
  }

  private static void time(String name, HikariConfig config, int rounds) throws Exception {
    try (HikariDataSource pool = new HikariDataSource(config);
        JdbcStore store = JdbcStore.open(pool)) {
      GroupRecord template = StoreImportBenchmark.document("template");
      long[][] nanos =
          AlternatingRounds.time(
              rounds,
              round -> timeStore(store, template, "s" + round),
              round -> timeBare(pool, template, "b" + round));
      long[] viaStore = nanos[0];
      long[] bare = nanos[1];
      double storeRate = rate(viaStore);
      double bareRate = rate(bare);
      System.out.printf(
          Locale.ROOT,
          "%-22s store %,9.0f contributions/s   bare JDBC %,9.0f contributions/s   store/bare %.0f%%%n",
          name,
          storeRate,
          bareRate,
          100 * storeRate / bareRate);
    }
  }

  private static long timeStore(JdbcStore store, GroupRecord template, String groupId) {
    GroupRecord record =
        GroupRecord.copyOf(template).withGroup(Group.copyOf(template.group()).withId(groupId));
    long start = System.nanoTime();
    store.groups().store(record);
    return System.nanoTime() - start;
  }

  private static long timeBare(HikariDataSource pool, GroupRecord template, String groupId)
      throws SQLException {
    long start = System.nanoTime();
    StoreImportBenchmark.BareImport.insert(pool, template, groupId);
    return System.nanoTime() - start;
  }

  /** Contributions per second at the median time. */
  private static double rate(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double median = sorted[sorted.length / 2];
    return StoreImportBenchmark.CONTRIBUTIONS_PER_DOCUMENT / (median / 1e9);
  }
}
