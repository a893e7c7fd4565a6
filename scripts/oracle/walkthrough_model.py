"""The Keras side of docs/import.md's walk-through, as a Keras user writes it: train a small 1D CNN on a
pulsedl dataset for two epochs and save it; also write the first windows as a float32 .npy for `predict`.

Usage: python walkthrough_model.py --data pulses.h5 --out model.keras --windows windows.npy [--n 100]
The network (Conv1D → MaxPooling1D → Conv1D → Flatten → Dense) works on the ADC codes as they are (channels
last); it learns the true amplitude (codes / 1000) and the channel-0 onset (ns / 10). Accuracy is not the
point: the walk-through shows the path, not a good model.
"""
import argparse
import os
import warnings

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
warnings.filterwarnings("ignore")


def text(v):
    return v.decode("utf-8") if isinstance(v, bytes) else str(v)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--windows", required=True)
    ap.add_argument("--n", type=int, default=100)
    a = ap.parse_args()

    import h5py
    import numpy as np
    import keras
    import tensorflow as tf

    keras.utils.set_random_seed(7)
    tf.config.experimental.enable_op_determinism()
    with h5py.File(a.data, "r") as f:
        x = np.transpose(f["waveforms"][:], (0, 2, 1)).astype(np.float32)   # [events, samples, channels]
        names = [text(n) for n in f["labels"].attrs["names"]]
        labels = f["labels"][:]
    y = np.stack([labels[:, names.index("amplitude")] / 1000.0, labels[:, names.index("t_ch0_ns")] / 10.0], axis=1)

    L = keras.layers
    model = keras.Sequential([
        keras.Input(x.shape[1:], name="adc"),
        L.Conv1D(4, 4, strides=2, activation="relu", name="conv1"),
        L.MaxPooling1D(2, name="pool1"),
        L.Conv1D(8, 3, activation="relu", name="conv2"),
        L.Flatten(name="flatten"),
        L.Dense(2, name="head"),
    ], name="walkthrough")
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="mse")
    model.fit(x, y, epochs=2, batch_size=64, verbose=0)
    model.save(a.out)
    np.save(a.windows, x[: a.n])


if __name__ == "__main__":
    main()
