#!/usr/bin/env bash
# npm run test:slurm: run the README's Slurm scripts (examples/slurm/) on a one-node cluster started
# here, and check that
#   1. the array of shards plus the dependent merge job gives exactly the folder of the unsharded sweep;
#   2. a task requeued while it runs (scontrol requeue) resumes: the runs it had finished are kept, not
#      run again, and the rest are done.
# Installs Debian's slurm-wlm and munge when missing (needs root, as CI has), writes a slurm.conf for
# this machine into a temporary folder, and stops every daemon it started when it exits, however it exits.
set -euo pipefail
cd "$(dirname "$0")/../.."

say() { echo "test:slurm: [${SECONDS}s] $*"; }
fail() {
  echo "test:slurm: FAILED: $*" >&2
  exit 1
}

if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  [ "$(id -u)" = 0 ] || fail "slurm-wlm and munge are not installed; run as root (it installs them) or install them"
  say "installing slurm-wlm and munge"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null 2>&1 ||
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null; }
fi
[ "$(id -u)" = 0 ] || fail "the daemons need root (slurmd starts jobs as their user)"

TMP=$(mktemp -d /tmp/govsim-slurm.XXXXXX)
PIDS=()
cleanup() {
  local code=$?
  # Jobs first: a job step (slurmstepd and the job's processes) outlives a stopped slurmd, so cancel
  # every job of this cluster and wait until none is left.
  if [ -s "$TMP/run/slurmctld.pid" ]; then
    scancel --full --quiet --user="$(id -un)" 2>/dev/null || true
    for _ in $(seq 150); do
      squeue -h 2>/dev/null | grep -q . || break
      sleep 0.1
    done
  fi
  # Then the daemons, by the PIDs they recorded, newest first.
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    local f=${PIDS[i]}
    [ -s "$f" ] && kill "$(cat "$f" 2>/dev/null)" 2>/dev/null || true
  done
  for f in "${PIDS[@]}"; do
    for _ in $(seq 50); do
      [ -s "$f" ] && kill -0 "$(cat "$f" 2>/dev/null)" 2>/dev/null || break
      sleep 0.1
    done
  done
  if [ "$code" != 0 ]; then
    for log in "$TMP"/munge/*.log "$TMP"/log/*.log "$TMP"/jobs/*.out; do
      [ -f "$log" ] && { echo "--- $log" >&2; tail -n 30 "$log" >&2; }
    done
  fi
  rm -rf "$TMP"
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$TMP"/{spool/ctld,spool/d,log,run,jobs,results}

# munge: slurm's authentication. Our own munged with its own socket, so that one already running (or
# none) on the machine does not matter; the key is the one the package made.
chmod 755 "$TMP"
install -d -o munge -g munge "$TMP/munge"
MUNGE_SOCKET=$TMP/munge/munge.socket
runuser -u munge -- munged --socket="$MUNGE_SOCKET" --pid-file="$TMP/munge/munged.pid" \
  --seed-file="$TMP/munge/munged.seed" --log-file="$TMP/munge/munged.log" --force
PIDS+=("$TMP/munge/munged.pid")

# slurm.conf for this machine: its one node as slurmd -C reports it (memory a little below, so the node
# is not refused when the report varies), no systemd, no accounting, no cgroups enforcement.
HOST=$(hostname -s)
NODE=$(slurmd -C | head -n 1)
MEM=$(sed -nE 's/.*RealMemory=([0-9]+).*/\1/p' <<<"$NODE")
NODE=$(sed -E "s/RealMemory=[0-9]+/RealMemory=$((MEM * 9 / 10))/" <<<"$NODE")
export SLURM_CONF=$TMP/slurm.conf
cat >"$SLURM_CONF" <<EOF
ClusterName=govsim-test
SlurmctldHost=$HOST(127.0.0.1)
SlurmUser=root
AuthType=auth/munge
AuthInfo=socket=$MUNGE_SOCKET
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MailProg=/bin/true
StateSaveLocation=$TMP/spool/ctld
SlurmdSpoolDir=$TMP/spool/d
SlurmctldPidFile=$TMP/run/slurmctld.pid
SlurmdPidFile=$TMP/run/slurmd.pid
SlurmctldLogFile=$TMP/log/slurmctld.log
SlurmdLogFile=$TMP/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
KillWait=5
MinJobAge=300
$NODE NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=main Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
EOF
# cgroup/v1: "disabled" does not exist before Slurm 24.05 and cgroup/v2 fails on these machines.
echo "CgroupPlugin=cgroup/v1" >"$TMP/cgroup.conf"

slurmctld -f "$SLURM_CONF" -i
PIDS+=("$TMP/run/slurmctld.pid")
slurmd -f "$SLURM_CONF"
PIDS+=("$TMP/run/slurmd.pid")
for _ in $(seq 100); do
  sinfo -h -o %t 2>/dev/null | grep -qE '^idle' && break
  sleep 0.1
done
sinfo -h -o %t | grep -qE '^idle' || fail "the node did not come up: $(sinfo 2>&1)"
say "cluster up ($(sinfo -h -o '%P %D %t %c CPUs'))"

# A small design through the scripts' environment variables, so the test is quick: the Epstein model
# (no town to set up per run) at 3 legitimacies x 8 seeds, 300 steps, in 4 shards of 6 runs.
export SCENARIO=epstein-2002-run1 DESIGN='--grid params.legitimacy=0.7,0.8,0.9' SEEDS=1..8 STEPS=300 RESULTS=$TMP/results
SHARDS=4
RUNS=24

# The unsharded sweep, run directly: what the merged folder must equal byte for byte (sweep.sbatch's
# command without --shard).
# shellcheck disable=SC2086 # DESIGN is a list of flags
node bin/govsim.mjs sweep "$SCENARIO" $DESIGN --seeds "$SEEDS" --steps "$STEPS" --out "$TMP/unsharded" --quiet >/dev/null
say "unsharded sweep done"

# Submit from the project folder (the jobs run `npx govsim` there).
# SBATCH_OUTPUT: both jobs' logs go to $TMP/jobs, not slurm-<id>.out in the project folder.
export SBATCH_OUTPUT=$TMP/jobs/%x-%A_%a.out
read -r _ SWEEP _ MERGE < <(examples/slurm/submit.sh --array=0-$((SHARDS - 1)) --cpus-per-task=1)
say "submitted array $SWEEP (tasks 0-$((SHARDS - 1))) and merge $MERGE"

# Requeue task 0 as soon as it has finished some but not all of its runs.
SHARD0=$RESULTS/shard-0/runs
MINE=$((RUNS / SHARDS))
kept=
for _ in $(seq 600); do
  n=$( (ls "$SHARD0" 2>/dev/null || true) | grep -c '\.json$' || true)
  if [ "$n" -ge 1 ]; then
    [ "$n" -lt "$MINE" ] || fail "task 0 finished all its $MINE runs before it could be requeued; make its runs longer"
    scontrol requeue "${SWEEP}_0"
    # The runs saved when it was stopped (the inode changes if a file is written again).
    kept=$(find "$SHARD0" -name '*.json' -printf '%f %i\n' | sort)
    break
  fi
  sleep 0.05
done
[ -n "$kept" ] || fail "task 0 wrote no run within 30 s"
say "requeued task ${SWEEP}_0 with $(wc -l <<<"$kept") of its $MINE runs saved"
# Once it is pending again, Slurm holds a requeued job back about two minutes (its begin time): let it
# start at once.
for _ in $(seq 300); do
  scontrol -o show job "${SWEEP}_0" | grep -q 'JobState=PENDING' && break
  sleep 0.1
done
scontrol update jobid="${SWEEP}_0" StartTime=now

# Wait for the merge (squeue, not sbatch --wait: that polls at 2, 8, 32 s).
for _ in $(seq 1200); do
  squeue -h -j "$SWEEP,$MERGE" 2>/dev/null | grep -q . || break
  sleep 0.1
done
squeue -h -j "$SWEEP,$MERGE" 2>/dev/null | grep -q . && fail "jobs still queued after 120 s: $(squeue)"

state() { scontrol -o show job "$1" | grep -oE '(JobState|ExitCode|Restarts)=[^ ]+' | tr '\n' ' '; }
for t in $(seq 0 $((SHARDS - 1))); do
  s=$(state "${SWEEP}_$t")
  grep -q 'JobState=COMPLETED' <<<"$s" || fail "task $t: $s"
done
grep -q 'Restarts=1' <<<"$(state "${SWEEP}_0")" || fail "task 0 was not requeued: $(state "${SWEEP}_0")"
s=$(state "$MERGE")
grep -q 'JobState=COMPLETED' <<<"$s" || fail "merge job: $s"

# 2. The requeued task kept what it had finished: the same files, not written again.
now=$(find "$SHARD0" -name '*.json' -printf '%f %i\n' | sort)
missing=$(comm -23 <(echo "$kept") <(echo "$now"))
[ -z "$missing" ] || fail "run files of task 0 saved before the requeue were written again or lost: $missing"
[ "$(wc -l <<<"$now")" = "$MINE" ] || fail "task 0 has $(wc -l <<<"$now") of its $MINE runs after the requeue"
say "jobs done; task 0: $(state "${SWEEP}_0")"
say "task 0 resumed: kept its $(wc -l <<<"$kept") finished runs and did the other $((MINE - $(wc -l <<<"$kept")))"

# 1. The merged folder is the unsharded one, byte for byte (every file, both ways).
diff -r "$TMP/unsharded" "$RESULTS/all" >"$TMP/diff.txt" || fail "merged folder differs from the unsharded sweep: $(head -n 20 "$TMP/diff.txt")"
say "merged folder equals the unsharded sweep ($(find "$RESULTS/all" -type f | wc -l) files); passed"
