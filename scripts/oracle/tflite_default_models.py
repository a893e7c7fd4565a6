"""Small Keras 1-D CNNs converted by the standard path: TFLiteConverter.from_keras_model(model) with default options.

No re-tracing and no special signature: what a Keras user gets from the documented converter calls. Each model
is built with seeded random weights (no training: the tests' claim is bit-exactness for any valid model) and
written in these variants, each with the LiteRT outputs of one input batch:
  float         float32 throughout                              <m>_float.tflite, _inputs.npy, _ref.npy (float)
  int8          int8 I/O, optimizations=[DEFAULT] + calibration <m>_int8.tflite, _inputs.npy (int8 codes)
  int8f         int8 inside, float32 I/O (QUANTIZE/DEQUANTIZE)  <m>_int8f.tflite, _inputs.npy (float32)
  16x8          int16 activations, int8 weights, int16 I/O      <m>_16x8.tflite, _inputs.npy (int16 codes)
  saved8        as int8, but model.export(DIR) + TFLiteConverter.from_saved_model(DIR)
Quantised variants have <m>_<v>_ref.npy = output codes of the REFERENCE kernels (BUILTIN_REF) and _opt.npy = those
of the default optimised kernels (BUILTIN_WITHOUT_DEFAULT_DELEGATES); for float I/O the output codes are read back
from the DEQUANTIZE output (code = round(y / scale) + zero_point, exact). Inputs: realistic pulse windows (the
first half) and uniformly random values over the whole input range (the second half).
Models that the importer refuses (names starting with refuse_) are written as .tflite only; the layers refusals
name are named explicitly (Keras' default names depend on how many layers the process made before).
Also writes summary.json: op sequence per file and the optimised-vs-reference difference.

Usage: tflite_default_models.py --out DIR [--seed N] [--samples N]
"""
import argparse
import contextlib
import os
import tempfile
import sys

import oracle_common
from oracle_common import np, write_json
from tflite_run import make_interpreter


def models(keras):
    """name -> (builder, variants). Biased Conv1Ds quantise to a separate int8/int16 ADD after CONV_2D."""
    L = keras.layers
    return {
        # single channel, window 40, strided same-padded conv, both pools with odd sizes and same padding
        "single": (lambda: keras.Sequential([
            keras.Input((40, 1)),
            L.Conv1D(4, 5, strides=2, padding="same", activation="relu", use_bias=False),
            L.MaxPooling1D(3, strides=2, padding="same"),
            L.Conv1D(6, 3, activation="relu6", use_bias=False),
            L.AveragePooling1D(2),
            L.Flatten(),
            L.Dense(8, activation="relu"),
            L.Dense(3)]), ("float", "int8", "int8f", "16x8", "saved8")),
        # 3 channels, window 24, separate ReLU / ReLU6 layers, Dropout, pool size 1 stride 1, valid padding
        "separate_act": (lambda: keras.Sequential([
            keras.Input((24, 3)),
            L.Conv1D(5, 3, use_bias=False),
            L.ReLU(),
            L.Dropout(0.3),
            L.AveragePooling1D(3, strides=1, padding="same"),
            L.Conv1D(4, 4, strides=3, padding="same", use_bias=False),
            L.ReLU(max_value=6.0),
            L.MaxPooling1D(2, padding="valid"),
            L.Flatten(),
            L.Dense(2, activation="relu6")]), ("float", "int8", "int8f", "16x8")),
        # the stock Keras Conv1D with a bias, BatchNormalization before and after the activation
        "bias_bn": (lambda: keras.Sequential([
            keras.Input((32, 2)),
            L.Conv1D(4, 3, padding="same", name="conv_biased"),
            L.BatchNormalization(name="bn"),
            L.ReLU(),
            L.Conv1D(6, 5, strides=2, activation="relu"),
            L.MaxPooling1D(2),
            L.Flatten(),
            L.Dense(4, activation="relu"),
            L.Dense(1)]), ("float", "int8")),
        # stock Keras Conv1Ds with biases: the quantised files hold each bias as a separate int8/int16 ADD
        # (fused ReLU, plain, then a ReLU6 layer), between pools of both kinds
        "biased": (lambda: keras.Sequential([
            keras.Input((36, 2)),
            L.Conv1D(4, 5, strides=2, padding="same", activation="relu", name="conv_relu"),
            L.MaxPooling1D(2),
            L.Conv1D(5, 3, name="conv_linear"),
            L.ReLU(max_value=6.0),
            L.AveragePooling1D(2, padding="same"),
            L.Conv1D(3, 3, padding="same", activation="relu6", name="conv_relu6"),
            L.Flatten(),
            L.Dense(6, activation="relu"),
            L.Dense(2)]), ("float", "int8", "int8f", "16x8")),
        "refuse_bn_after_act": (lambda: keras.Sequential([
            keras.Input((32, 2)),
            L.Conv1D(4, 3, use_bias=False, activation="relu"),
            L.BatchNormalization(name="bn_after_relu"),
            L.Flatten(),
            L.Dense(1)]), ("float",)),
        "refuse_tanh": (lambda: keras.Sequential([
            keras.Input((32, 2)),
            L.Conv1D(4, 3, use_bias=False, activation="tanh", name="conv_tanh"),
            L.Flatten(),
            L.Dense(1)]), ("int8",)),
        "refuse_elu": (lambda: keras.Sequential([
            keras.Input((32, 2)),
            L.Conv1D(4, 3, use_bias=False, activation="elu", name="conv_elu"),
            L.Flatten(),
            L.Dense(1)]), ("int8",)),
    }


def randomise(model, rng):
    """Seeded random weights, and BatchNorm statistics far from the identity so that the layers matter."""
    import keras
    for layer in model.layers:
        w = layer.get_weights()
        if not w:
            continue
        if isinstance(layer, keras.layers.BatchNormalization):
            gamma, beta, mean, var = w
            layer.set_weights([rng.uniform(0.5, 1.5, gamma.shape), rng.normal(0, 0.2, beta.shape),
                               rng.normal(0, 0.2, mean.shape), rng.uniform(0.5, 2.0, var.shape)])
        else:
            fan_in = int(np.prod(w[0].shape[:-1]))
            layer.set_weights([rng.normal(0, 1.0 / np.sqrt(fan_in), v.shape) if k == 0 else rng.normal(0, 0.1, v.shape)
                               for k, v in enumerate(w)])


def pulses(rng, n, length, channels):
    t = np.arange(length, dtype=np.float64)[None, :]
    onset = length * (0.15 + 0.2 * rng.random((n, 1)))
    amp = 0.3 + 0.7 * rng.random((n, 1))
    u = np.clip((t - onset) / 2.0, 0.0, None)
    x = (amp * u * np.exp(1.0 - u))[:, :, None] + 0.02 * rng.standard_normal((n, length, channels)) + 0.05
    return x.astype(np.float32)


def convert(tf, model, variant, calib):
    if variant == "saved8":
        with tempfile.TemporaryDirectory(prefix="pulsedl-oracle-") as tmp:
            with contextlib.redirect_stdout(sys.stderr):          # Keras lists the endpoints
                model.export(tmp)
            return convert_with(tf, tf.lite.TFLiteConverter.from_saved_model(tmp), "int8", calib)
    return convert_with(tf, tf.lite.TFLiteConverter.from_keras_model(model), variant, calib)


def convert_with(tf, conv, variant, calib):
    if variant != "float":
        conv.optimizations = [tf.lite.Optimize.DEFAULT]
        conv.representative_dataset = lambda: ([c[None]] for c in calib)
        if variant == "16x8":
            conv.target_spec.supported_ops = [
                tf.lite.OpsSet.EXPERIMENTAL_TFLITE_BUILTINS_ACTIVATIONS_INT16_WEIGHTS_INT8]
            conv.inference_input_type = conv.inference_output_type = tf.int16
        else:
            conv.target_spec.supported_ops = [tf.lite.OpsSet.TFLITE_BUILTINS_INT8]
            if variant == "int8":
                conv.inference_input_type = conv.inference_output_type = tf.int8
    return conv.convert()


def run(path, x, kernels):
    interp = make_interpreter(path, kernels, "litert", False)
    i, o = interp.get_input_details()[0], interp.get_output_details()[0]
    ys = []
    for row in x:
        interp.set_tensor(i["index"], row[None].astype(i["dtype"]))
        interp.invoke()
        ys.append(interp.get_tensor(o["index"])[0].copy())
    return np.stack(ys), interp


def output_codes(y, interp, path):
    """The output codes; for float I/O read back from DEQUANTIZE (its input tensor holds the codes' parameters)."""
    if y.dtype != np.float32:
        return y.astype(np.int64)
    ops = interp._get_ops_details()
    if not ops or ops[-1]["op_name"] != "DEQUANTIZE":
        return None
    d = [t for t in interp.get_tensor_details() if t["index"] == ops[-1]["inputs"][0]][0]
    scale, zp = d["quantization"]
    return (np.round(y.astype(np.float64) / np.float32(scale)) + zp).astype(np.int64)


def inputs_for(interp, real, rng, n_random):
    i = interp.get_input_details()[0]
    dtype = np.dtype(i["dtype"])
    shape = (n_random,) + tuple(real.shape[1:])
    if dtype == np.float32:
        scale, zp = interp.get_tensor_details()[interp._get_ops_details()[0]["outputs"][0]]["quantization"] \
            if interp._get_ops_details()[0]["op_name"] == "QUANTIZE" else (0.0, 0)
        lo, hi = ((-128 - zp) * scale, (127 - zp) * scale) if scale else (-1.5, 1.5)
        rand = rng.uniform(lo * 1.1, hi * 1.1, shape).astype(np.float32)     # beyond the range: clamps too
        return np.concatenate([real, rand])
    scale, zp = i["quantization"]
    v = real.astype(np.float64) / np.float64(np.float32(scale))
    q = np.clip(np.sign(v) * np.floor(np.abs(v) + 0.5) + zp, np.iinfo(dtype).min, np.iinfo(dtype).max)
    rand = rng.integers(np.iinfo(dtype).min, np.iinfo(dtype).max + 1, shape)
    return np.concatenate([q, rand]).astype(dtype)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--samples", type=int, default=300, help="realistic windows; as many random inputs again")
    args = ap.parse_args()
    import tensorflow as tf
    import keras
    oracle_common.seed_everything(args.seed)
    os.makedirs(args.out, exist_ok=True)
    summary = {}
    for name, (build, variants) in models(keras).items():
        rng = np.random.default_rng([args.seed, len(name)])
        model = build()
        randomise(model, rng)
        length, channels = model.inputs[0].shape[1:]
        calib = pulses(rng, 100, length, channels)
        real = pulses(rng, args.samples, length, channels)
        for variant in variants:
            path = os.path.join(args.out, f"{name}_{variant}.tflite")
            with open(path, "wb") as f:
                f.write(convert(tf, model, variant, calib))
            if name.startswith("refuse_"):                # (the reference resolver lacks e.g. ELU)
                continue
            interp = make_interpreter(path, "reference", "litert", False)
            entry = {"ops": [o["op_name"] for o in interp._get_ops_details()]}
            summary[f"{name}_{variant}"] = entry
            x = inputs_for(interp, real, rng, args.samples)
            np.save(os.path.join(args.out, f"{name}_{variant}_inputs.npy"), x)
            y, interp = run(path, x, "reference")
            if variant == "float":
                np.save(os.path.join(args.out, f"{name}_{variant}_ref.npy"), y)
                continue
            ref = output_codes(y, interp, path)
            y2, interp2 = run(path, x, "builtin")
            opt = output_codes(y2, interp2, path)
            np.save(os.path.join(args.out, f"{name}_{variant}_ref.npy"), ref)
            np.save(os.path.join(args.out, f"{name}_{variant}_opt.npy"), opt)
            diff = np.abs(ref - opt)
            entry.update(outputs=int(diff.size), differing=int((diff > 0).sum()), max_lsb=int(diff.max()))
    write_json(os.path.join(args.out, "summary.json"), summary)


if __name__ == "__main__":
    sys.exit(main())
