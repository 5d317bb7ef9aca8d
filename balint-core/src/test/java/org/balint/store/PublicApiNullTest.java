package org.balint.store;

import static org.balint.store.StoreFixtures.FIRST_START;
import static org.balint.store.StoreFixtures.richRecord;
import static org.balint.store.StoreFixtures.session;

import com.google.common.testing.NullPointerTester;
import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.balint.Extensions;
import org.balint.Ids;
import org.balint.group.Group;
import org.balint.group.Leader;
import org.balint.group.Member;
import org.balint.method.Severity;
import org.balint.method.Violation;
import org.balint.privacy.Caller;
import org.balint.privacy.IdentifierDetector;
import org.balint.privacy.RetentionPolicy;
import org.balint.privacy.RetentionPurge;
import org.balint.session.Case;
import org.balint.session.Contribution;
import org.balint.session.GroupRecord;
import org.balint.session.Recording;
import org.balint.session.Session;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public method of the value types, their builders and the store's public classes refuses a
 * null where a value is expected, with a {@link NullPointerException} at once rather than later in
 * a writer or a database (guava-testlib's {@link NullPointerTester}).
 */
class PublicApiNullTest {
  private static final GroupRecord RECORD = richRecord("riverside", 1);
  private static final Session SESSION = session("s1", FIRST_START, 2);

  private static NullPointerTester tester() {
    Group group = RECORD.group();
    return new NullPointerTester()
        .setDefault(Extensions.class, Extensions.ofJson("{}"))
        .setDefault(LocalDate.class, LocalDate.of(2025, 9, 1))
        .setDefault(Group.class, group)
        .setDefault(Leader.class, group.leaders().get(0))
        .setDefault(Member.class, group.members().get(0))
        .setDefault(Session.class, SESSION)
        .setDefault(Case.class, SESSION.cases().get(0))
        .setDefault(Contribution.class, SESSION.contributions().get(0))
        .setDefault(Recording.class, SESSION.recording().orElseThrow())
        .setDefault(GroupRecord.class, RECORD)
        .setDefault(RetentionPolicy.class, RetentionPolicy.keepEverything())
        .setDefault(BalintStore.class, new InMemoryStore())
        .setDefault(Clock.class, Clock.systemUTC())
        .setDefault(PageRequest.class, PageRequest.first(10))
        .setDefault(Caller.class, Caller.builder().id("m1").addMemberOf("riverside").build())
        .setDefault(
            RetentionPurge.class, RetentionPolicy.keepEverything().purge(RECORD, FIRST_START))
        .setDefault(IdentifierDetector.class, IdentifierDetector.standard())
        .setDefault(
            Violation.class,
            Violation.builder()
                .ruleId("group.size")
                .severity(Severity.ERROR)
                .message("The group has 2 members.")
                .groupId("riverside")
                .build());
  }

  static Stream<Object> values() {
    InMemoryStore store = new InMemoryStore();
    return Stream.of(
        RECORD,
        RECORD.group(),
        RECORD.group().leaders().get(0),
        RECORD.group().members().get(0),
        SESSION,
        SESSION.cases().get(0),
        SESSION.contributions().get(0),
        SESSION.recording().orElseThrow(),
        Leader.builder(),
        Member.builder(),
        Group.builder(),
        Session.builder(),
        Case.builder(),
        Contribution.builder(),
        Recording.builder(),
        GroupRecord.builder(),
        RecordMerge.of(java.util.Optional.empty(), RECORD),
        RecordMerge.builder(),
        SessionKey.of("riverside", "s1"),
        store,
        store.groups(),
        store.sessions(),
        ConfidentialStore.of(store));
  }

  @ParameterizedTest
  @MethodSource("values")
  void publicInstanceMethods_refuseNull(Object value) {
    tester().testAllPublicInstanceMethods(value);
  }

  static Stream<Class<?>> classes() {
    return Stream.of(
        Leader.class,
        Member.class,
        Group.class,
        Session.class,
        Case.class,
        Contribution.class,
        Recording.class,
        GroupRecord.class,
        RecordMerge.class,
        SessionKey.class,
        GroupPurge.class,
        Versioned.class,
        Extensions.class,
        Ids.class,
        ConfidentialStore.class);
  }

  @ParameterizedTest
  @MethodSource("classes")
  void publicStaticMethods_refuseNull(Class<?> type) {
    tester().testAllPublicStaticMethods(type);
  }
}
