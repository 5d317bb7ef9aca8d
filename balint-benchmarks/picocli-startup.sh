#!/usr/bin/env bash
# What picocli alone costs at start-up, side by side in one run: a trivial Java main beside a
# one-option picocli command printing its --version, built three ways:
#   annotated     - @Command/@Option annotations, picocli's jar as published (class files for Java 5,
#                   which class-data sharing cannot archive);
#   programmatic  - the same command built with picocli's programmatic API (no annotation proxies);
#   programmatic, picocli compiled for Java 17 - its classes then go into the class-data archive.
# Each runs with the launcher's JVM options and its own class-data archive. Prints the median
# processor time (user + system) of each over N alternating runs (default 15) and the ratios.
# Needs network once (picocli's jar and sources from Maven Central, through Maven).
# Usage: balint-benchmarks/picocli-startup.sh [N]
set -euo pipefail

runs="${1:-15}"
version=4.7.7
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

mvn -B -q dependency:copy -Dartifact="info.picocli:picocli:$version" -DoutputDirectory=. >/dev/null 2>&1
mvn -B -q dependency:copy -Dartifact="info.picocli:picocli:$version:jar:sources" -DoutputDirectory=. >/dev/null 2>&1
mkdir -p src p17 annotated programmatic programmatic17 trivial
(cd src && jar xf "../picocli-$version-sources.jar")
javac --release 17 -nowarn -d p17 $(find src -name '*.java')
jar cf picocli17.jar -C p17 .

cat >Trivial.java <<'JAVA'
public class Trivial { public static void main(String[] a) { System.out.println("ok"); } }
JAVA
cat >Annotated.java <<'JAVA'
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
@Command(name = "app", mixinStandardHelpOptions = true, version = "app 1")
public class Annotated implements Runnable {
  @Option(names = "--db") String db;
  public void run() { System.out.println("run"); }
  public static void main(String[] a) { System.exit(new CommandLine(new Annotated()).execute(a)); }
}
JAVA
cat >Programmatic.java <<'JAVA'
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
public class Programmatic {
  public static void main(String[] a) {
    CommandSpec spec = CommandSpec.create().name("app").version("app 1");
    spec.mixinStandardHelpOptions(true);
    spec.addOption(OptionSpec.builder("--db").paramLabel("URL").type(String.class).build());
    CommandLine line = new CommandLine(spec);
    line.setExecutionStrategy(parsed -> { System.out.println("run"); return 0; });
    System.exit(line.execute(a));
  }
}
JAVA
javac -d trivial Trivial.java && jar cf trivial.jar -C trivial .
javac -cp "picocli-$version.jar" -d annotated Annotated.java && jar cf annotated.jar -C annotated .
javac -cp "picocli-$version.jar" -d programmatic Programmatic.java && jar cf programmatic.jar -C programmatic .
javac -cp picocli17.jar -d programmatic17 Programmatic.java && jar cf programmatic17.jar -C programmatic17 .

opts=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:cds=off -Xlog:cds+dynamic=off)
declare -A cp=([trivial]=trivial.jar [annotated]="annotated.jar:picocli-$version.jar"
  [programmatic]="programmatic.jar:picocli-$version.jar" [programmatic17]="programmatic17.jar:picocli17.jar")
declare -A main=([trivial]=Trivial [annotated]=Annotated [programmatic]=Programmatic [programmatic17]=Programmatic)
order=(trivial annotated programmatic programmatic17)
for k in "${order[@]}"; do
  java "${opts[@]}" -XX:ArchiveClassesAtExit="$k.jsa" -cp "${cp[$k]}" "${main[$k]}" --version >/dev/null
done

TIMEFORMAT='%U %S'
for ((i = 0; i < runs; i++)); do
  for k in "${order[@]}"; do
    { time java "${opts[@]}" -XX:SharedArchiveFile="$k.jsa" -cp "${cp[$k]}" "${main[$k]}" --version >/dev/null; } 2>&1 |
      awk '{ printf "%d\n", ($1 + $2) * 1000 }' >>"$k.times"
  done
done

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
base=$(median trivial.times)
echo "$runs runs each, alternating; median processor time in milliseconds"
for k in "${order[@]}"; do
  m=$(median "$k.times")
  printf '%-16s %5s   %sx the trivial main\n' "$k" "$m" "$(awk -v a="$m" -v b="$base" 'BEGIN { printf "%.2f", a / b }')"
done
