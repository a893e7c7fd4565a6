"""Saves small Keras 3 models that pulsedl's Keras importer must refuse (test input for KerasRefusalTest).

Usage: python keras_refusals.py --out DIR   ->  DIR/<case>.keras and DIR/<case>.h5 for every case below.
Weights are Keras' initial values (no training): only the structure matters. Every model has the input
'adc' of shape (32, 2); the layer that must be refused is named in the case list.
"""
import argparse
import os
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

    def shared():
        x = keras.Input((32, 2), name="adc")
        h = L.Dense(8, name="pre")(L.Flatten(name="flatten")(x))
        d = L.Dense(8, name="shared_dense")
        return keras.Model(x, d(d(h)), name="shared")

    def fanout():  # two heads on one trunk: no merging layer, the trunk's output feeds two layers
        x = keras.Input((32, 2), name="adc")
        f = L.Flatten(name="flatten")(x)
        return keras.Model(x, [L.Dense(2, name="head_a")(f), L.Dense(2, name="head_b")(f)], name="fanout")

    return {
        "tanh": seq("tanh", L.Conv1D(4, 3, activation="tanh", name="conv_tanh")),
        "sigmoid_layer": seq("sigmoid_layer", L.Flatten(name="flatten"), L.Dense(4, name="dense"),
                             L.Activation("sigmoid", name="act_sigmoid")),
        "leaky": seq("leaky", L.Conv1D(4, 3, name="conv"), L.LeakyReLU(name="leaky")),
        "dilation": seq("dilation", L.Conv1D(4, 3, dilation_rate=2, name="conv_dilated")),
        "channels_first": seq("channels_first", L.Conv1D(4, 3, data_format="channels_first", name="conv_cf")),
        "groups": seq("groups", L.Conv1D(4, 3, groups=2, name="conv_grouped")),
        "causal": seq("causal", L.Conv1D(4, 3, padding="causal", name="conv_causal")),
        "reshape_middle": seq("reshape_middle", L.Conv1D(4, 3, name="conv"), L.Reshape((15, 8), name="reshape_mid")),
        "unknown": seq("unknown", L.UpSampling1D(2, name="upsample")),
        "relu_after_avgpool": seq("relu_after_avgpool", L.Conv1D(4, 3, name="conv"),
                                  L.AveragePooling1D(2, name="avgpool"), L.ReLU(name="relu_late")),
        "relu_max4": seq("relu_max4", L.Conv1D(4, 3, name="conv"), L.ReLU(max_value=4.0, name="relu4")),
        "dense_3d": seq("dense_3d", L.Dense(4, name="dense_seq")),
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
        "shared": shared(),
        "fanout": fanout(),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    import keras
    os.makedirs(args.out, exist_ok=True)
    models = cases(keras)
    for name, model in models.items():
        model.save(os.path.join(args.out, name + ".keras"))
        model.save(os.path.join(args.out, name + ".h5"))
    print("saved", len(models), "models to", args.out)


if __name__ == "__main__":
    main()
