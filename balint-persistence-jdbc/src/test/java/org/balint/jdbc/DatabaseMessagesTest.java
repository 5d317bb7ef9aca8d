package org.balint.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import org.balint.session.Contribution;
import org.balint.session.GroupRecord;
import org.balint.session.Session;
import org.balint.store.BalintStore;
import org.balint.store.StorageException;
import org.balint.store.StoreFixtures;
import org.junit.jupiter.api.Test;

/** Database failures are told in one line that names the failure, never the data or a secret. */
class DatabaseMessagesTest {
  private static final String SECRET_WORDS = "the words she never said aloud";

  /** A record whose one contribution PostgreSQL refuses (a text holding U+0000). */
  private static GroupRecord refusedByPostgres() {
    GroupRecord record = StoreFixtures.richRecord("riverside", 1);
    Session first = record.sessions().get(0);
    Contribution said = first.contributions().get(3).withText(SECRET_WORDS + " \u0000");
    ImmutableList.Builder<Contribution> contributions = ImmutableList.builder();
    for (int i = 0; i < first.contributions().size(); i++) {
      contributions.add(i == 3 ? said : first.contributions().get(i));
    }
    return record.withSessions(
        first.withContributions(contributions.build()),
        record.sessions().get(1),
        record.sessions().get(2));
  }

  @Test
  void failedBatchOnPostgres_namesTheFailureButNotTheText() {
    try (BalintStore store =
        ScratchDatabase.postgresSchema(ScratchDatabase.embeddedPostgresUrl())) {
      StorageException thrown =
          assertThrows(StorageException.class, () -> store.groups().store(refusedByPostgres()));

      assertTrue(
          thrown.getMessage().startsWith("storing group riverside failed: "), thrown.getMessage());
      assertFalse(thrown.getMessage().contains(SECRET_WORDS), thrown.getMessage());
      assertFalse(thrown.getMessage().contains("INSERT"), thrown.getMessage());
      assertEquals(1, thrown.getMessage().lines().count(), thrown.getMessage());
    }
  }

  @Test
  void openingFailure_hidesThePassword() {
    StorageException thrown =
        assertThrows(
            StorageException.class,
            () -> JdbcStore.open("jdbc:postgresql://127.0.0.1:1/balint?user=u&password=hunter2"));

    assertFalse(thrown.getMessage().contains("hunter2"), thrown.getMessage());
    assertTrue(thrown.getMessage().contains("password=***"), thrown.getMessage());
  }

  @Test
  void redacted_hidesPasswordsInParametersAndUserInfo() {
    assertEquals(
        "jdbc:h2:file:/x;USER=a;PASSWORD=***",
        JdbcStore.redacted("jdbc:h2:file:/x;USER=a;PASSWORD=p"));
    assertEquals(
        "jdbc:mariadb://u:***@db:3306/b?password=***",
        JdbcStore.redacted("jdbc:mariadb://u:pw@db:3306/b?password=pw"));
  }

  @Test
  void mysqlUrl_saysWhichSchemesAreSupported() {
    StorageException thrown =
        assertThrows(StorageException.class, () -> JdbcStore.open("jdbc:mysql://127.0.0.1/balint"));

    assertTrue(
        thrown
            .getMessage()
            .contains(
                "the URL schemes Balint supports are jdbc:h2: (embedded H2), jdbc:postgresql://"),
        thrown.getMessage());
  }
}
