"""Small 1D CNNs as a Keras user makes them (ordinary Keras layers, untrained weights, random BatchNorm
statistics), saved in every form pulsedl imports: the end-to-end oracle of `pulsedl import` → quantize.

Usage: python user_models.py --out DIR   ->  DIR/<case>/ holding
  model.keras, model.h5     Keras 3 zip and legacy HDF5
  saved_model/              model.export() (serving_default)
  inputs.npy                float32 [N, *input_shape]: integer-valued samples in [-64, 64] (ADC-like codes, so a
                            dataset can carry the same windows)
  float_outputs.npy         float32 [N, outputs] = model.predict(inputs)
Cases differ in window and channels (single channel too), kernel, stride, padding, pooling, BatchNorm
(folded into the Conv1D/Dense before it, with the activation after it), ReLU6 and Dropout. Seeded: the
same files on every run of the same TensorFlow.
"""
import argparse
import contextlib
import os
import sys
import warnings

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
warnings.filterwarnings("ignore")

N = 64


def cases(keras):
    L = keras.layers

    def seq(name, shape, *layers):
        return keras.Sequential([keras.Input(shape, name="x"), *layers], name=name)

    return {
        # 32 x 2, 'same' conv + max pool, strided 'valid' conv -> BN -> ReLU6, Dropout
        "two_channel": seq("two_channel", (32, 2),
                           L.Conv1D(4, 3, padding="same", activation="relu", name="conv1"),
                           L.MaxPooling1D(2, name="pool1"),
                           L.Conv1D(6, 5, strides=2, name="conv2"),
                           L.BatchNormalization(name="bn2"),
                           L.ReLU(max_value=6.0, name="relu6"),
                           L.Dropout(0.3, name="drop"),
                           L.Flatten(name="flatten"),
                           L.Dense(3, name="out")),
        # 64 x 1 single channel, kernel 7 stride 3 'same', BN then a ReLU layer, average pool 'same', Dense relu6
        "single_channel": seq("single_channel", (64, 1),
                              L.Conv1D(4, 7, strides=3, padding="same", name="conv"),
                              L.BatchNormalization(name="bn"),
                              L.Activation("relu", name="act"),
                              L.AveragePooling1D(3, strides=2, padding="same", name="avg"),
                              L.Flatten(name="flatten"),
                              L.Dense(8, activation="relu6", name="hidden"),
                              L.Dropout(0.5, name="drop"),
                              L.Dense(1, name="out")),
        # a flat 48-sample input reshaped at the input, kernel = stride 4, Dense -> BN -> Dense
        "reshaped": seq("reshaped", (48,),
                        L.Reshape((48, 1), name="to_window"),
                        L.Conv1D(3, 4, strides=4, activation="relu", name="conv"),
                        L.MaxPooling1D(3, strides=1, padding="same", name="pool"),
                        L.Flatten(name="flatten"),
                        L.Dense(5, name="dense"),
                        L.BatchNormalization(name="bn"),
                        L.Dense(2, name="out")),
    }


def randomise_batch_norms(model, rng):
    """Untrained BN layers are the identity; random statistics make the folding visible."""
    for layer in model.layers:
        if layer.__class__.__name__ == "BatchNormalization":
            c = layer.gamma.shape[0]
            layer.set_weights([rng.uniform(0.5, 2.0, c), rng.uniform(-0.5, 0.5, c),
                               rng.uniform(-1.0, 1.0, c), rng.uniform(0.5, 3.0, c)])


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    import keras
    import numpy as np
    keras.utils.set_random_seed(1234)
    rng = np.random.default_rng(1234)
    for name, model in cases(keras).items():
        randomise_batch_norms(model, rng)
        d = os.path.join(args.out, name)
        os.makedirs(d, exist_ok=True)
        x = rng.integers(-64, 65, size=(N, *model.input_shape[1:])).astype(np.float32)
        # inputs are codes of size ~64: scale the first kernel so activations stay O(1) like a trained model's
        first = model.layers[1] if name == "reshaped" else model.layers[0]
        w = first.get_weights()
        first.set_weights([w[0] / 64.0, *w[1:]])
        np.save(os.path.join(d, "inputs.npy"), x)
        np.save(os.path.join(d, "float_outputs.npy"), model.predict(x, verbose=0).astype(np.float32))
        model.save(os.path.join(d, "model.keras"))
        model.save(os.path.join(d, "model.h5"))
        with contextlib.redirect_stdout(sys.stderr):  # export prints its endpoints
            model.export(os.path.join(d, "saved_model"), verbose=False)
    print("wrote the user models to", args.out)


if __name__ == "__main__":
    main()
