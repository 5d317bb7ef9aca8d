/**
 * JMH benchmarks: classification throughput beside a baseline scan, the import rate through the
 * store beside a bare JDBC batch, and a live session's cost per contribution for short and long
 * sessions. Build with {@code mvn -B -pl balint-benchmarks -am package -DskipTests} and run {@code
 * java -jar balint-benchmarks/target/benchmarks.jar}.
 */
@NullMarked
package org.balint.benchmarks;

import org.jspecify.annotations.NullMarked;
