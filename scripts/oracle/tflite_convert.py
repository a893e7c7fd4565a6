"""Converts a saved Keras model to TFLite (float, full-integer int8, 16x8) and dumps each flatbuffer as JSON.

Writes into OUT/:
  model_float.tflite   float32 throughout
  model_int8.tflite    full-integer: int8 activations, int8 weights (per channel), int32 bias
  model_16x8.tflite    int16 activations (zero point 0), int8 weights, int64 bias
  model_<mode>.json    every tensor (index, name, shape, dtype, buffer size, scales, zero points,
                       quantized_dimension, for constants the stored values), every operator in execution
                       order (builtin name, op version, inputs, outputs, builtin options with enum names),
                       the graph inputs and outputs, and "op_sequence" (the builtin names in order)
--conv-bias fused (default) traces each Conv1D's bias as a 1-D vector so TFLite folds it into CONV_2D as an
int32 bias (DESIGN.md §2); --conv-bias keras converts the stock Keras 3 graph, where every Conv1D with a bias
becomes EXPAND_DIMS, CONV_2D (zero bias), RESHAPE, ADD (int8 bias constant, fused activation).
Quantised modes use optimizations=[DEFAULT] and the representative dataset CALIB (each sample as a batch of 1).
--io int (default): the graph's input/output tensors are integer (int8, or int16 for 16x8), so the model
has no QUANTIZE/DEQUANTIZE ops; --io float keeps float32 input/output and adds QUANTIZE/DEQUANTIZE ops.
"""
import argparse
import contextlib
import os
import sys
import tempfile

import oracle_common
from oracle_common import np, write_json

MODES = ("float", "int8", "16x8")
NUMPY_TYPES = {"FLOAT32": "<f4", "FLOAT16": "<f2", "INT8": "i1", "UINT8": "u1", "INT16": "<i2", "INT32": "<i4",
               "INT64": "<i8", "BOOL": "?"}


def load_keras(path):
    import keras
    return keras.models.load_model(path, compile=False)


def fused_bias_forward(model):
    """The model's inference pass with each Conv1D bias added as a 1-D vector.

    Keras 3 adds a Conv1D bias reshaped to [1, 1, C]; the converter cannot move that ADD across the RESHAPE
    that ends the 1-D convolution, so the bias stays a separate int8 ADD. Added as a [C] vector, the same
    bias is folded into CONV_2D as an int32 bias (as for Dense -> FULLY_CONNECTED). Same float function.
    """
    import keras

    def forward(x):
        for layer in model.layers:
            if isinstance(layer, keras.layers.Conv1D) and layer.use_bias:
                y = layer.convolution_op(x, layer.kernel) + layer.bias
                x = layer.activation(y) if layer.activation is not None else y
            else:
                x = layer(x, training=False)
        return x

    return forward


def convert(tf, model_path, calib, mode, io, conv_bias):
    with tempfile.TemporaryDirectory(prefix="pulsedl-oracle-") as tmp:
        return make_converter(tf, model_path, calib, mode, io, conv_bias, tmp).convert()


def make_converter(tf, model_path, calib, mode, io, conv_bias, tmp):
    if os.path.isdir(model_path):
        if conv_bias == "fused":
            raise SystemExit("--conv-bias fused needs a .keras/.h5 model (a SavedModel is converted as it is)")
        conv = tf.lite.TFLiteConverter.from_saved_model(model_path)
    elif conv_bias == "fused":
        # Exported with Keras' own ExportArchive (as model.export does) so the converter can freeze the weights.
        import keras
        model = load_keras(model_path)
        archive = keras.export.ExportArchive()
        archive.track(model)
        spec = tf.TensorSpec([None] + list(model.inputs[0].shape[1:]), tf.float32, name="adc")
        archive.add_endpoint("serving_default", fused_bias_forward(model), input_signature=[spec])
        with contextlib.redirect_stdout(sys.stderr):     # Keras lists the endpoints even when not verbose
            archive.write_out(tmp, verbose=False)
        conv = tf.lite.TFLiteConverter.from_saved_model(tmp)
    else:
        conv = tf.lite.TFLiteConverter.from_keras_model(load_keras(model_path))
    if mode == "float":
        return conv

    def representative():
        for x in calib:
            yield [x[None].astype(np.float32)]

    conv.optimizations = [tf.lite.Optimize.DEFAULT]
    conv.representative_dataset = representative
    if mode == "int8":
        conv.target_spec.supported_ops = [tf.lite.OpsSet.TFLITE_BUILTINS_INT8]
        io_type = tf.int8
    else:
        conv.target_spec.supported_ops = [
            tf.lite.OpsSet.EXPERIMENTAL_TFLITE_BUILTINS_ACTIVATIONS_INT16_WEIGHTS_INT8]
        io_type = tf.int16
    if io == "int":
        conv.inference_input_type = io_type
        conv.inference_output_type = io_type
    return conv


def enum_names(cls):
    return {v: k for k, v in vars(cls).items() if not k.startswith("_") and isinstance(v, int)}


def describe(tflite_bytes):
    """JSON-able description of a .tflite flatbuffer, read with TF's own generated schema."""
    from tensorflow.lite.python import schema_py_generated as S

    model = S.ModelT.InitFromObj(S.Model.GetRootAsModel(bytearray(tflite_bytes), 0))
    builtin = enum_names(S.BuiltinOperator)
    ttype = enum_names(S.TensorType)
    enums = {"padding": enum_names(S.Padding), "fusedActivationFunction": enum_names(S.ActivationFunctionType)}
    assert len(model.subgraphs) == 1, "one subgraph expected"
    g = model.subgraphs[0]

    def buf_data(i):
        b = model.buffers[i] if i < len(model.buffers) else None
        return None if b is None or b.data is None else np.asarray(b.data, dtype=np.uint8).tobytes()

    tensors = []
    for i, t in enumerate(g.tensors):
        q = t.quantization
        data = buf_data(t.buffer)
        tensors.append({
            "index": i,
            "name": t.name.decode() if isinstance(t.name, bytes) else t.name,
            "shape": [int(d) for d in (t.shape if t.shape is not None else [])],
            "shape_signature": None if t.shapeSignature is None else [int(d) for d in t.shapeSignature],
            "dtype": ttype[t.type],
            "buffer": int(t.buffer),
            "buffer_bytes": 0 if data is None else len(data),
            "is_variable": bool(t.isVariable),
            "scales": [] if q is None or q.scale is None else [float(s) for s in q.scale],
            "zero_points": [] if q is None or q.zeroPoint is None else [int(z) for z in q.zeroPoint],
            "quantized_dimension": 0 if q is None else int(q.quantizedDimension),
            # constant tensors: the stored values, flat, row-major (weights, biases, shape and axis operands)
            "values": None if data is None else np.frombuffer(data, dtype=NUMPY_TYPES[ttype[t.type]]).tolist(),
        })

    ops = []
    for i, op in enumerate(g.operators):
        code = model.operatorCodes[op.opcodeIndex]
        # Since schema v3a the builtin code lives in builtinCode; deprecatedBuiltinCode holds min(code, 127).
        bc = max(int(code.builtinCode), int(code.deprecatedBuiltinCode))
        options = {}
        if op.builtinOptions is not None:
            for k, v in vars(op.builtinOptions).items():
                options[k] = enums[k].get(v, v) if k in enums else (v.tolist() if hasattr(v, "tolist") else v)
        ops.append({
            "index": i,
            "opcode_index": int(op.opcodeIndex),
            "builtin": builtin.get(bc, str(bc)),
            "builtin_code": bc,
            "version": int(code.version),
            "custom_code": None if code.customCode is None else code.customCode.decode(),
            "inputs": [int(x) for x in op.inputs],
            "outputs": [int(x) for x in op.outputs],
            "options_type": type(op.builtinOptions).__name__ if op.builtinOptions is not None else None,
            "options": options,
        })
    return {
        "schema_version": int(model.version),
        "description": model.description.decode() if isinstance(model.description, bytes) else model.description,
        "inputs": [int(x) for x in g.inputs],
        "outputs": [int(x) for x in g.outputs],
        "op_sequence": [o["builtin"] for o in ops],
        "operators": ops,
        "tensors": tensors,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True, help=".keras, .h5 or SavedModel directory")
    ap.add_argument("--calib", required=True, help="float32 .npy [C, 32, 2] representative inputs")
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--modes", default=",".join(MODES), help="comma-separated subset of " + ",".join(MODES))
    ap.add_argument("--io", choices=("int", "float"), default="int",
                    help="type of the graph's input/output in quantised modes (default int)")
    ap.add_argument("--conv-bias", choices=("fused", "keras"), default="fused",
                    help="fused (default): Conv1D bias folded into CONV_2D as int32; keras: the graph exactly as "
                         "Keras 3 traces it, which leaves each Conv1D bias as a separate (int8) ADD op")
    ap.add_argument("--seed", type=int, default=1234)
    args = ap.parse_args()

    oracle_common.seed_everything(args.seed)
    import tensorflow as tf

    calib = np.load(args.calib).astype(np.float32)
    os.makedirs(args.out, exist_ok=True)
    for mode in args.modes.split(","):
        if mode not in MODES:
            ap.error(f"unknown mode {mode}")
        data = convert(tf, args.model, calib, mode, args.io, args.conv_bias)
        path = os.path.join(args.out, f"model_{mode}.tflite")
        with open(path, "wb") as f:
            f.write(data)
        desc = describe(data)
        desc.update({"file": os.path.basename(path), "mode": mode, "io": args.io if mode != "float" else "float",
                     "conv_bias": args.conv_bias,
                     "source_model": os.path.abspath(args.model), "calibration_samples": int(len(calib)),
                     "versions": oracle_common.versions()})
        write_json(os.path.join(args.out, f"model_{mode}.json"), desc)
        print(f"{mode}: {len(data)} bytes, ops {' '.join(desc['op_sequence'])}")


if __name__ == "__main__":
    main()
