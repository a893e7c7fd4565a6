#!/usr/bin/env bash
# Regenerates the committed oracle models that tests compare against exactly
# (quantizer/src/test/resources/org/pulsedl/quantizer/importer/tflite/fixed/; see its README.md).
# Trains pdl2 and variant with keras_models.py and converts them with tflite_convert.py, then keeps
# only the files the exact assertions read. Training is float luck per machine, which is why the result
# is committed instead of being rebuilt by the tests: rerun this only to change the models on purpose.
# Usage: scripts/oracle/make_fixed_models.sh   (PULSEDL_ORACLE_PYTHON defaults to .venv/oracle/bin/python)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
py=${PULSEDL_ORACLE_PYTHON:-$root/.venv/oracle/bin/python}
scripts=$root/scripts/oracle
dest=$root/quantizer/src/test/resources/org/pulsedl/quantizer/importer/tflite/fixed
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$py" "$scripts/keras_models.py" --out "$work" --models pdl2,variant --samples 1200
for m in pdl2 variant; do
  "$py" "$scripts/tflite_convert.py" --model "$work/$m/model.keras" --calib "$work/$m/calib.npy" \
      --out "$work/$m/tflite" --modes float,int8,16x8 --io int --conv-bias fused
  mkdir -p "$dest/$m"
  cp "$work/$m/model.keras" "$work/$m/calib.npy" "$dest/$m/"
  cp "$work/$m/tflite/model_float.tflite" "$work/$m/tflite/model_int8.tflite" "$work/$m/tflite/model_16x8.tflite" "$dest/$m/"
done
# biased/: the default converter's separate Conv1D bias ADD (tflite_default_models.py's 'biased' model, seeded
# random weights), int8 / int8 with float I/O / 16x8, and 150 of its realistic float windows
"$py" "$scripts/tflite_default_models.py" --out "$work/default"
mkdir -p "$dest/biased"
for v in int8 int8f 16x8; do cp "$work/default/biased_$v.tflite" "$dest/biased/model_$v.tflite"; done
"$py" -c "import sys, numpy as np; np.save(sys.argv[2], np.load(sys.argv[1])[:150])" \
    "$work/default/biased_int8f_inputs.npy" "$dest/biased/calib.npy"
echo "fixed oracle models written to $dest"
