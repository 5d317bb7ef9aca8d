/**
 * JMH benchmarks: classification throughput beside a baseline scan, and the import rate through
 * the store beside a bare JDBC batch. Build with {@code mvn -B -pl balint-benchmarks -am package
 * -DskipTests} and run {@code java -jar balint-benchmarks/target/benchmarks.jar}.
 */
package org.balint.benchmarks;
