#!/bin/bash
# The training set of the robust network (docs/training.md "Training for a real detector"): 25 `pulsedl simulate`
# runs of 8,000 events that cover the real-detector matrix of `bench --robustness` (onset 6-10 samples, channel-1
# offset 0-5 ns, baseline 2-10 % FS, noise sigma 5-90 codes = 55-30 dB at 70 % FS), amplitude uniform 10-90 % FS,
# merged and shuffled into one HDF5 dataset with the oracle venv's h5py (PULSEDL_ORACLE_PYTHON). Each event also gets
# its run's noise sigma as the label noise_sigma_codes, which `pulsedl train --loss-weight` reads.
# Usage: scripts/matrix-training-data.sh OUT.h5 [WORKDIR]
set -euo pipefail
out=${1:?usage: $0 OUT.h5 [WORKDIR]}
work=${2:-$(mktemp -d)}
here=$(cd "$(dirname "$0")/.." && pwd)
python=${PULSEDL_ORACLE_PYTHON:-python3}
onsets=(6 7 8 9 10)
baselines=(0.02 0.04 0.06 0.08 0.10)
sigmas=(5.05 7.0 9.5 12.102 16 22 30 42 60 89.5)
i=0
for o in 0 1 2 3 4; do
  for b in 0 1 2 3 4; do
    baseline=${baselines[$(( (b + o) % 5 ))]}
    sigma=${sigmas[$(( (i * 3) % 10 ))]}
    offset=$("$python" -c "print(round(($i*0.37)%1*5,2))")
    "$here/pulsedl" simulate --out "$work/part$i.h5" --events 8000 --amplitude-dist uniform:0.1:0.9 --noise-sigma "$sigma" \
      --onset "${onsets[$o]}" --baseline "$baseline" --offset "0,$offset" --seed $((1000 + i)) >/dev/null
    echo "$sigma" >"$work/part$i.sigma"
    echo "part $i: onset ${onsets[$o]}, baseline $baseline, sigma $sigma, offset 0,$offset"
    i=$((i + 1))
  done
done
"$python" - "$work" "$out" <<'PY'
import sys, h5py, numpy as np
work, out = sys.argv[1], sys.argv[2]
waves, labels, names = [], [], None
for i in range(25):
    with h5py.File(f"{work}/part{i}.h5", "r") as h:
        waves.append(h["waveforms"][...])
        sigma = float(open(f"{work}/part{i}.sigma").read())
        labels.append(np.column_stack([h["labels"][...], np.full(len(h["labels"]), sigma)]))
        n = [x.decode() if isinstance(x, bytes) else x for x in h["labels"].attrs["names"]]
        assert names in (None, n + ["noise_sigma_codes"])
        names = n + ["noise_sigma_codes"]
w, l = np.concatenate(waves), np.concatenate(labels)
order = np.random.default_rng(5).permutation(len(w))   # mixed runs: any first N events sample the whole matrix
with h5py.File(out, "w") as h:
    h.attrs["format"] = "pulsedl-dataset"
    h.attrs["format_version"] = np.int32(1)
    h.attrs["generator"] = "scripts/matrix-training-data.sh: 25 pulsedl simulate runs over the robustness matrix"
    h.create_dataset("waveforms", data=w[order])
    h.create_dataset("labels", data=l[order]).attrs["names"] = np.array(names, dtype=h5py.string_dtype())
print(f"wrote {out}: {len(w)} events, labels {names}")
PY
