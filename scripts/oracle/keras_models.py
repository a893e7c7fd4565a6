"""Builds, briefly trains and saves small Conv1D regression models with Keras 3 (the float oracle).

For each model NAME it writes into OUT/NAME/:
  model.keras          Keras 3 zip (config.json + model.weights.h5)
  model.h5             legacy Keras HDF5
  saved_model/         TF SavedModel from model.export(); signature "serving_default"
                       (input and output names are recorded in info.json)
  inputs.npy           float32 [N, 32, 2] random test inputs (same distribution as training)
  calib.npy            float32 [C, 32, 2] calibration inputs for the TFLite converter
  float_outputs.npy    float32 [N, 2] = model.predict(inputs)
  savedmodel_outputs.npy float32 [N, 2] = the SavedModel's serving_default on the same inputs
  info.json            versions, seed, layer list, parameter count, SavedModel signature

Models: "pdl2" = the PulseDL-II network with Keras' default padding 'valid' (Flatten 96); "pdl2same" = the
same with padding 'same' (Flatten 128, the size DESIGN.md quotes); "variant" = padding 'same' (symmetric and asymmetric),
BatchNormalization after a linear Conv1D, ReLU6, MaxPooling1D, AveragePooling1D, Dropout.
Training data: CR-RC pulses (random amplitude and onset, two noisy channels), targets (onset, amplitude).
"""
import argparse
import contextlib
import os
import sys

import oracle_common
from oracle_common import np, write_json

WINDOW, CHANNELS = 32, 2


def make_pulses(rng, n):
    """CR-RC (n=1) pulses in [n, 32, 2]: same pulse in both channels, independent noise. Targets [n, 2]."""
    t = np.arange(WINDOW, dtype=np.float64)[None, :]
    onset = 6.0 + 4.0 * rng.random((n, 1))
    amp = 0.3 + 0.6 * rng.random((n, 1))
    tau = 2.0
    u = np.clip((t - onset) / tau, 0.0, None)
    pulse = amp * u * np.exp(1.0 - u)
    x = pulse[:, :, None] + 0.01 * rng.standard_normal((n, WINDOW, CHANNELS)) + 0.05
    y = np.concatenate([(onset - 8.0) / 2.0, amp], axis=1)
    return x.astype(np.float32), y.astype(np.float32)


def build_pdl2(keras, padding="valid", name="pdl2"):
    L = keras.layers
    return keras.Sequential([
        keras.Input((WINDOW, CHANNELS), name="adc"),
        L.Conv1D(8, 4, strides=2, padding=padding, activation="relu", name="conv1"),
        L.Conv1D(16, 4, strides=2, padding=padding, activation="relu", name="conv2"),
        L.Flatten(name="flatten"),
        L.Dense(32, activation="relu", name="dense1"),
        L.Dense(32, activation="relu", name="dense2"),
        L.Dense(2, name="out"),
    ], name=name)


def build_variant(keras):
    L = keras.layers
    return keras.Sequential([
        keras.Input((WINDOW, CHANNELS), name="adc"),
        L.Conv1D(8, 3, padding="same", name="conv1"),              # pad 1 | 1
        L.BatchNormalization(name="bn1"),                            # folds into conv1
        L.ReLU(max_value=6.0, name="relu6"),
        L.MaxPooling1D(2, name="maxpool"),                           # 32 -> 16
        L.Conv1D(16, 5, strides=2, padding="same", activation="relu", name="conv2"),  # 16 -> 8, pad 1 | 2
        L.AveragePooling1D(2, name="avgpool"),                       # 8 -> 4
        L.Dropout(0.1, name="dropout"),
        L.Flatten(name="flatten"),
        L.Dense(16, activation="relu6", name="dense1"),
        L.Dense(2, name="out"),
    ], name="variant")


BUILDERS = {
    "pdl2": build_pdl2,                                                # valid padding: Flatten(96)
    "pdl2same": lambda k: build_pdl2(k, "same", "pdl2same"),           # same padding: Flatten(128) as in DESIGN
    "variant": build_variant,
}


def savedmodel_signature(tf, path):
    """Loads the exported SavedModel and describes its serving_default signature."""
    loaded = tf.saved_model.load(path)
    sig = loaded.signatures["serving_default"]
    _, kwargs = sig.structured_input_signature
    inputs = {k: {"shape": v.shape.as_list(), "dtype": v.dtype.name} for k, v in kwargs.items()}
    outputs = {k: {"shape": v.shape.as_list(), "dtype": v.dtype.name} for k, v in sig.structured_outputs.items()}
    return sig, {"signatures": sorted(loaded.signatures.keys()), "serving_default": {"inputs": inputs, "outputs": outputs}}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="output directory (one subdirectory per model)")
    ap.add_argument("--models", default=",".join(BUILDERS), help="comma-separated: " + ",".join(BUILDERS))
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--samples", type=int, default=300, help="test inputs written to inputs.npy")
    ap.add_argument("--calib", type=int, default=200, help="calibration inputs written to calib.npy")
    ap.add_argument("--train", type=int, default=2000, help="training examples")
    ap.add_argument("--epochs", type=int, default=3)
    args = ap.parse_args()

    oracle_common.seed_everything(args.seed)
    import keras
    import tensorflow as tf

    for name in args.models.split(","):
        oracle_common.seed_everything(args.seed)
        rng = np.random.default_rng(args.seed)
        out = os.path.join(args.out, name)
        os.makedirs(out, exist_ok=True)

        x_train, y_train = make_pulses(rng, args.train)
        x_test, _ = make_pulses(rng, args.samples)
        x_calib, _ = make_pulses(rng, args.calib)

        model = BUILDERS[name](keras)
        model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="mse")
        hist = model.fit(x_train, y_train, epochs=args.epochs, batch_size=64, shuffle=True, verbose=0)

        model.save(os.path.join(out, "model.keras"))
        model.save(os.path.join(out, "model.h5"))          # legacy HDF5 (Keras prints a warning; expected)
        sm_dir = os.path.join(out, "saved_model")
        with contextlib.redirect_stdout(sys.stderr):     # Keras prints the endpoints even when not verbose
            model.export(sm_dir, verbose=False)

        y_float = model.predict(x_test, batch_size=len(x_test), verbose=0).astype(np.float32)
        sig, sig_info = savedmodel_signature(tf, sm_dir)
        in_name = next(iter(sig_info["serving_default"]["inputs"]))
        out_name = next(iter(sig_info["serving_default"]["outputs"]))
        y_sm = sig(**{in_name: tf.constant(x_test)})[out_name].numpy().astype(np.float32)

        np.save(os.path.join(out, "inputs.npy"), x_test)
        np.save(os.path.join(out, "calib.npy"), x_calib)
        np.save(os.path.join(out, "float_outputs.npy"), y_float)
        np.save(os.path.join(out, "savedmodel_outputs.npy"), y_sm)
        write_json(os.path.join(out, "info.json"), {
            "model": name,
            "seed": args.seed,
            "versions": oracle_common.versions(),
            "epochs": args.epochs,
            "final_loss": float(hist.history["loss"][-1]),
            "params": int(model.count_params()),
            "layers": [{"name": l.name, "type": type(l).__name__} for l in model.layers],
            "saved_model": sig_info,
            "max_abs_diff_savedmodel_vs_predict": float(np.max(np.abs(y_sm - y_float))),
            "files": sorted(os.listdir(out)),
        })
        print(f"{name}: {model.count_params()} params, loss {hist.history['loss'][-1]:.4g}, "
              f"SavedModel input '{in_name}' output '{out_name}' -> {out}")


if __name__ == "__main__":
    main()
