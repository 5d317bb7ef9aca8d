package org.balint.group;

/**
 * How far a leader is trained in the Balint method.
 *
 * <p>The Balint societies accredit leaders after co-leading under supervision; a leader in training
 * leads beside a trained co-leader.
 */
public enum LeaderTraining {
  /** Accredited by a Balint society. */
  ACCREDITED,
  /** Trained in the method but not (or not yet) accredited. */
  TRAINED,
  /** In training: should lead with a trained or accredited co-leader. */
  IN_TRAINING,
  /** No training in the method. */
  NONE;

  /**
   * Tells whether this status lets a leader carry a group, or a co-leader in training.
   *
   * @return true for {@link #ACCREDITED} and {@link #TRAINED}
   */
  public boolean isTrained() {
    return this == ACCREDITED || this == TRAINED;
  }
}
