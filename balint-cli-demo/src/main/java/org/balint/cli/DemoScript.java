package org.balint.cli;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import org.balint.session.Phase;
import org.jspecify.annotations.Nullable;

/**
 * The session the demo records live: one case, every phase, mostly on the method, with a few
 * off-method remarks (a clinical suggestion, a judgement, another case, the presenter breaking
 * their silence) that the recorder catches as they happen. Kinds are left to the classifier.
 */
final class DemoScript {
  /** What a step does. */
  enum Action {
    /** Someone speaks. */
    SPEAK,
    /** The current case moves to a phase. */
    PHASE,
    /** A member presents a case. */
    PRESENT_CASE
  }

  /** One step: after some minutes, someone speaks, the phase changes, or a case is presented. */
  static final class Step {
    final Duration after;
    final Action action;
    final @Nullable Phase phase;
    final String who;
    final String text;

    private Step(int minutes, Action action, @Nullable Phase phase, String who, String text) {
      this.after = Duration.ofMinutes(minutes);
      this.action = action;
      this.phase = phase;
      this.who = who;
      this.text = text;
    }
  }

  static final String SESSION_ID = "2026-11-27";
  static final String PRESENTER = "m6";
  static final String CASE_TITLE = "The teenager who will not look up";
  static final ImmutableList<String> ABSENT = ImmutableList.of("m9");

  static final ImmutableList<Step> STEPS =
      ImmutableList.of(
          say(1, "L1", "Good evening. Who has a patient on their mind tonight?"),
          new Step(1, Action.PRESENT_CASE, null, PRESENTER, CASE_TITLE),
          say(
              12,
              PRESENTER,
              "She is fifteen and comes with her mother, and she never lifts her eyes from her phone. I end up talking to the mother and I feel I have lost her again."),
          phase(1, Phase.QUESTIONS),
          say(1, "m3", "How many times have you seen her this year?"),
          say(2, "m4", "Have you thought about screening her for an eating disorder?"),
          say(2, "m8", "Does the mother always answer for her?"),
          say(4, "L2", "Thank you. Let's move on: Lucy, would you push your chair back now?"),
          phase(1, Phase.DISCUSSION),
          say(
              2,
              "m2",
              "I felt shut out just hearing about it, as if I were the one on the other side of the phone."),
          say(4, "m5", "I wonder whether the phone is the only place she feels in charge."),
          say(
              3,
              "m7",
              "That reminds me of a lad I saw last month who wore his headphones all through the consultation."),
          say(2, "L1", "Can we stay with this girl and this doctor for now?"),
          say(3, "m1", "Perhaps the doctor is caught between them, the way the daughter is."),
          say(2, "m3", "You really should have asked the mother to wait outside."),
          say(3, "m6", "Sorry, I can't keep quiet, I felt so useless in that room."),
          say(2, "L1", "Lucy, we'll come back to you shortly; let's keep wondering for a bit."),
          say(4, "m8", "I noticed I was angry with the mother, and then sorry for her."),
          say(5, "m2", "Maybe not looking up is how she keeps something of her own."),
          say(
              4,
              "m5",
              "I imagine the doctor's wish to rescue her is part of what she pushes away."),
          say(
              4,
              "m4",
              "I felt oddly sad for the mother, doing all the talking and getting nowhere."),
          phase(9, Phase.PRESENTER_RETURNS),
          say(1, "L1", "Lucy, come back in. What struck you?"),
          say(
              2,
              PRESENTER,
              "I hadn't seen that I was doing what the mother does. That's hard to hear, but it helps."),
          phase(4, Phase.CLOSING),
          say(1, "L2", "Thank you, everyone. Let's stop there for tonight."));

  /** How long after the last step the session ends. */
  static final Duration CLOSING_TAIL = Duration.ofMinutes(4);

  private DemoScript() {}

  private static Step say(int minutes, String speaker, String text) {
    return new Step(minutes, Action.SPEAK, null, speaker, text);
  }

  private static Step phase(int minutes, Phase phase) {
    return new Step(minutes, Action.PHASE, phase, "", "");
  }
}
