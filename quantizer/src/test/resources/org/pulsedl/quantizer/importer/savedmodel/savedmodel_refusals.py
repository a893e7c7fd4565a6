"""Exports small Keras 3 models as SavedModels (model.export) that pulsedl's SavedModel importer must refuse.

Usage: python savedmodel_refusals.py --out DIR   ->  DIR/<case>/ (a SavedModel) for every case below.
Weights are Keras' initial values: only the graph matters. Input 'adc' of shape (32, 2).
"""
import argparse
import contextlib
import os
import sys
import warnings

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
warnings.filterwarnings("ignore")


def cases(keras):
    L = keras.layers

    def seq(name, *layers):
        return keras.Sequential([keras.Input((32, 2), name="adc"), *layers], name=name)

    def residual():
        x = keras.Input((32, 2), name="adc")
        a = L.Conv1D(2, 3, padding="same", name="conv_a")(x)
        s = L.Add(name="add")([x, a])
        return keras.Model(x, L.Dense(2, name="out")(L.Flatten(name="flatten")(s)), name="residual")

    def two_outputs():
        x = keras.Input((32, 2), name="adc")
        f = L.Flatten(name="flatten")(x)
        return keras.Model(x, [L.Dense(2, name="head_a")(f), L.Dense(2, name="head_b")(f)], name="two_outputs")

    return {
        "tanh": seq("tanh", L.Conv1D(4, 3, activation="tanh", name="conv_tanh"), L.Flatten(name="flatten")),
        "leaky": seq("leaky", L.Conv1D(4, 3, name="conv"), L.LeakyReLU(name="leaky"), L.Flatten(name="flatten")),
        "dilation": seq("dilation", L.Conv1D(4, 3, dilation_rate=2, name="conv_dilated"), L.Flatten(name="flatten")),
        "gru": seq("gru", L.GRU(4, name="gru")),
        "lstm": seq("lstm", L.LSTM(4, name="lstm")),
        "conv_transpose": seq("conv_transpose", L.Conv1DTranspose(4, 3, name="deconv")),
        "conv2d": seq("conv2d", L.Reshape((32, 2, 1), name="to_image"), L.Conv2D(4, (3, 2), name="conv2d")),
        "elu": seq("elu", L.Conv1D(4, 3, activation="elu", name="conv_elu")),
        "bn_after_pool": seq("bn_after_pool", L.Conv1D(4, 3, name="conv"), L.MaxPooling1D(2, name="pool"),
                             L.BatchNormalization(name="bn")),
        "bn_after_relu": seq("bn_after_relu", L.Conv1D(4, 3, activation="relu", name="conv"),
                             L.BatchNormalization(name="bn")),
        "residual": residual(),
        "two_outputs": two_outputs(),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    import keras
    os.makedirs(args.out, exist_ok=True)
    models = cases(keras)
    for name, model in models.items():
        with contextlib.redirect_stdout(sys.stderr):  # export prints its endpoints
            model.export(os.path.join(args.out, name), verbose=False)
    print("exported", len(models), "SavedModels to", args.out)


if __name__ == "__main__":
    main()
