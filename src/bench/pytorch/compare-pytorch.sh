#!/usr/bin/env bash
# Runs KD Playground's `train` and the same steps in PyTorch (kd_steps.py) alternately, RUNS times each, and prints
# each run's wall time, CPU time (user + system), peak RSS and test accuracies, then the ratios of the medians.
# Not part of `verify`. Needs Debian's python3-torch and libopenblas0-pthread (without it PyTorch runs on the
# reference BLAS, several times slower, and the comparison flatters the app), and the Fashion-MNIST IDX files
# (apt-get install dataset-fashion-mnist, or `kd-playground data get fashion-mnist`).
#
#   src/bench/pytorch/compare-pytorch.sh [EXPERIMENT.json] [RUNS] [SEEDS]
#
# EXPERIMENT defaults to src/bench/pytorch/fashion-mnist.json, RUNS to 3; SEEDS (e.g. "1 2 3") gives run k the seed
# k (the labelled subset, the weights and the batch order), for comparing accuracies over seeds; default: seed 1.
# MEASURES=charts makes PyTorch measure after each epoch what the app's charts do (train accuracy on the labelled
# rows; test accuracy, ECE, agreement and KL), not only the test accuracy (MEASURES=test, the default).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
experiment="$(readlink -f "${1:-$here/fashion-mnist.json}")"
runs="${2:-3}"
seeds="${3:-}"
measures="${MEASURES:-test}"
python="${PYTHON:-/usr/bin/python3}"
cd "$root"
if [ ! -f target/kd-playground.jar ] || [ ! -d target/lib ]; then
  ./mvnw -B -q package -DskipTests
fi
"$python" -c "import torch" || { echo "PyTorch not found for $python (apt-get install python3-torch libopenblas0-pthread)"; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# the app as built now, copied: a rebuild during the runs must not change (or break) what is measured
mkdir -p "$work/app" && cp -r target/kd-playground.jar target/lib "$work/app/"
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1

# one line per run: kind seed wall_s cpu_s rss_mb teacher distilled baseline student_ms_per_step phase_ms_per_step
# (the steps alone, as the app's epoch time counts them; then the students' whole phase per step: the teacher's
# targets, the steps and what each side measures after every epoch; the whole runs' times include everything)
measure() { # kind seed command...
  local kind="$1" seed="$2"; shift 2
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" > "$work/out" 2> "$work/err" || { cat "$work/err" >&2; exit 1; }
  read -r wall user sys rss < "$work/time"
  local acc
  if [ "$kind" = app ]; then
    acc="$(for m in teacher distilled baseline; do
      grep -E "^$m " "$work/out" | sed -E 's/.* ([0-9.]+)% +([0-9.]+)% .*/\2/' | head -1; done | tr '\n' ' ')"
    acc="$acc$(grep -E '^device' "$work/out" | sed -E 's/.*\(([0-9.]+) ms\/step\), ([0-9.]+) ms\/step with.*/\1 \2/')"
  else
    acc="$("$python" -c 'import json,sys; d=json.loads(open(sys.argv[1]).read().strip().splitlines()[-1]); print(d["teacher_acc"], d["distilled_acc"], d["baseline_acc"], d["students_steps_only_ms_per_step"], d["students_ms_per_step"])' "$work/out")"
  fi
  echo "$kind $seed $wall $(echo "$user + $sys" | bc) $((rss / 1024)) $acc" | tee -a "$work/results"
  # where the time went, as each side reports it (the app: its phases' epochs; PyTorch: loading, teacher, students)
  if [ "$kind" = app ]; then
    echo "  phases: $(grep -E '^device' "$work/out")"
  else
    echo "  phases: $("$python" -c 'import json,sys; d=json.loads(open(sys.argv[1]).read().strip().splitlines()[-1]); print("load", d["load_s"], "s; teacher", d["teacher_s"], "s; students", d["students_s"], "s (soft targets", d["targets_s"], "s, test accuracies", d["evaluation_s"], "s)")' "$work/out")"
  fi
}

echo "kind seed wall_s cpu_s peak_rss_mb teacher% distilled% baseline% student_ms_per_step phase_ms_per_step"
for i in $(seq 1 "$runs"); do
  seed=1
  if [ -n "$seeds" ]; then seed="$(echo $seeds | cut -d' ' -f"$i")"; fi
  measure app "$seed" java -Dai.djl.offline=true -DOPT_OUT_TRACKING=true -XX:TieredStopAtLevel=1 -Xmn128m \
      -XX:+ExplicitGCInvokesConcurrent -cp "$work/app/kd-playground.jar:$work/app/lib/*" org.kdplayground.Launcher \
      train --config "$experiment" --seed "$seed" --out "$work/run.csv" --no-progress
  measure pytorch "$seed" "$python" "$here/kd_steps.py" "$experiment" --seed "$seed" --measures "$measures"
done

"$python" - "$work/results" "$measures" <<'PY'
import statistics as st, sys
rows = [l.split() for l in open(sys.argv[1])]
theirs = "PyTorch's test accuracies" if sys.argv[2] == "test" else "PyTorch's the same"
def col(kind, i): return [float(r[i]) for r in rows if r[0] == kind]
print()
for name, i in (("wall time", 2), ("CPU time", 3), ("peak RSS", 4), ("student step, ms (both students; the steps alone, as the app times them)", 8),
                ("students' phase per step, ms (the teacher's targets, the steps, each epoch's measures: the app's accuracies, ECE, agreement and KL; " + theirs + ")", 9)):
    a, p = st.median(col("app", i)), st.median(col("pytorch", i))
    print(f"{name:10s} app {a:9.2f}  pytorch {p:9.2f}  ratio app/pytorch {a / p:5.2f}")
for name, i in (("teacher", 5), ("distilled", 6), ("baseline", 7)):
    a, p = col("app", i), col("pytorch", i)
    sd = lambda v: st.stdev(v) if len(v) > 1 else 0.0
    print(f"{name:10s} test accuracy: app {st.mean(a):5.1f} ± {sd(a):.1f}%  pytorch {st.mean(p):5.1f} ± {sd(p):.1f}%")
PY
