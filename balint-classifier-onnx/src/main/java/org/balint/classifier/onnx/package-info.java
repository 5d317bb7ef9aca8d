/**
 * The neural contribution classifier, an adapter over ONNX Runtime: {@link
 * org.balint.classifier.onnx.OnnxClassifier} runs the pre-trained sentence encoder e5-small-v2
 * (quantised) in-process and decides the kind by one fitted regression head over the encoding, the
 * words and pairs, the phase and the role; {@link org.balint.classifier.onnx.HeadFitter} fits that
 * head to the labelled sets. Everything here is non-null unless marked otherwise.
 */
@NullMarked
package org.balint.classifier.onnx;

import org.jspecify.annotations.NullMarked;
