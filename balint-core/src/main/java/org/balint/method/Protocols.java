package org.balint.method;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import java.util.Optional;

/**
 * The named protocols the library ships: {@code balint-standard} (the default) and the variants of
 * the Balint societies, which differ only in their parameters.
 *
 * <ul>
 *   <li>{@code balint-standard}: 8–10 members, one case, 90 minutes ± 15.
 *   <li>{@code uk-balint-society}: 6–10 members (8–10 ideal, 6–8 committed people can work well).
 *   <li>{@code balint-anz}: 6–10 members, up to 2 cases, a meeting of 90–120 minutes.
 *   <li>{@code german-medical-chambers}: 8–12 members.
 * </ul>
 */
public final class Protocols {
  /** The name of the default protocol. */
  public static final String STANDARD = "balint-standard";

  /** The name of the UK Balint Society's protocol. */
  public static final String UK_BALINT_SOCIETY = "uk-balint-society";

  /** The name of the Balint Society of Australia and New Zealand's protocol. */
  public static final String BALINT_ANZ = "balint-anz";

  /** The name of the German medical chambers' protocol. */
  public static final String GERMAN_MEDICAL_CHAMBERS = "german-medical-chambers";

  private static final Protocol STANDARD_PROTOCOL =
      Protocol.builder().name(STANDARD).rules(standardRules()).build();

  private static final ImmutableMap<String, Protocol> BY_NAME =
      ImmutableMap.of(
          STANDARD,
          STANDARD_PROTOCOL,
          UK_BALINT_SOCIETY,
          variant(UK_BALINT_SOCIETY, standardParameters().withMinMembers(6)),
          BALINT_ANZ,
          variant(
              BALINT_ANZ,
              standardParameters()
                  .withMinMembers(6)
                  .withMaxCasesPerSession(2)
                  .withNominalSessionLength(Duration.ofMinutes(105))),
          GERMAN_MEDICAL_CHAMBERS,
          variant(GERMAN_MEDICAL_CHAMBERS, standardParameters().withMaxMembers(12)));

  private Protocols() {}

  /**
   * The default protocol, {@code balint-standard}: every rule of the method with its standard
   * severity and parameters.
   *
   * @return the standard protocol
   */
  public static Protocol standard() {
    return STANDARD_PROTOCOL;
  }

  /**
   * Finds a named protocol.
   *
   * @param name the protocol's name, such as {@code balint-anz}
   * @return the protocol, or empty if the library ships none of that name
   */
  public static Optional<Protocol> byName(String name) {
    checkNotNull(name, "name");
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /**
   * The names of the shipped protocols, the default first.
   *
   * @return the names
   */
  public static ImmutableSet<String> names() {
    return BY_NAME.keySet();
  }

  /**
   * Every rule of the method, in the order their violations are reported when they tie, with the
   * standard identifier detector.
   *
   * @return new instances of the standard rules
   */
  public static ImmutableList<Rule> standardRules() {
    return ImmutableList.of(
        new GroupSizeRule(),
        new GroupLeadershipRule(),
        new LeaderTrainingRule(),
        new SessionAttendeeRule(),
        new PhaseOrderRule(),
        new CaseCountRule(),
        new SessionDurationRule(),
        new PresenterSilenceRule(),
        new ClinicalRule(),
        new ClinicalDriftRule(),
        new NewCaseRule(),
        new JudgementRule(),
        new ConsentRule(),
        new PatientIdentifierRule());
  }

  private static ProtocolParameters standardParameters() {
    return ProtocolParameters.builder().build();
  }

  private static Protocol variant(String name, ProtocolParameters parameters) {
    return STANDARD_PROTOCOL.withName(name).withParameters(parameters);
  }
}
