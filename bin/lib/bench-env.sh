# Sourced by the bin/ scripts that run karyo-bench classes (bench, experiments, fate-experiment,
# torchvision-check). Exports the launcher's engine settings (as bin/karyo: offline, no tracking call, idle
# OpenMP threads sleep, jemalloc when installed) and defines bench_classpath, which builds karyo-bench and its
# sibling modules and prints the path of a java argument file holding their class path (the caller removes it).
# The class path goes to java in an argument file because ONNX Runtime 1.29's natives die with SIGSEGV, and no
# JVM crash report, when the java command line is longer than about 4 KB (docs/learn-notes.md, ONNX Runtime).
export DJL_OFFLINE=true OPT_OUT_TRACKING=true OMP_WAIT_POLICY=PASSIVE
jemalloc=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2
if [[ -f $jemalloc ]]; then export LD_PRELOAD=$jemalloc MALLOC_CONF=dirty_decay_ms:-1,muzzy_decay_ms:-1; fi

# bench_classpath [extra maven flags, e.g. -o]; run from the project root.
bench_classpath() {
  local cpfile args
  cpfile=$(mktemp)
  args=$(mktemp)
  # Through the reactor (-am) so sibling modules resolve without 'mvn install'.
  mvn -q -B -ntp -Dstyle.color=never -DskipTests "$@" -pl karyo-bench -am package dependency:build-classpath \
    -Dmdep.outputFile="$cpfile" >/dev/null || { rm -f "$cpfile" "$args"; return 1; }
  echo "-cp karyo-bench/target/classes:karyo-core/target/classes:karyo-io/target/classes:karyo-learn/target/classes:karyo-app/target/classes:$(cat "$cpfile")" > "$args"
  rm -f "$cpfile"
  echo "$args"
}
