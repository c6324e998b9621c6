#!/bin/bash
# Submit the sweep as a job array and the merge as a job that waits for every task. Run it from the
# folder where govsim is installed (the jobs run `npx govsim` there); sbatch options given to it go to
# the array, e.g. `examples/slurm/submit.sh --array=0-3 --cpus-per-task=4`. Prints both job ids.
set -euo pipefail
here=$(dirname "$0")
jid=$(sbatch --parsable "$@" "$here/sweep.sbatch")
jid=${jid%%;*} # --parsable prints "id;cluster" on a multi-cluster setup
# afterany, not afterok: a shard with a failed run exits 1 but keeps its other runs, and merge names the
# failures (a missing shard is named and exits 2).
mid=$(sbatch --parsable --dependency="afterany:$jid" "$here/merge.sbatch")
echo "sweep $jid merge ${mid%%;*}"
