"""Runs a .tflite model with the LiteRT interpreter, one sample at a time, and writes the raw output tensors.

Writes into OUT/:
  inputs_fed.npy       the exact tensors fed to the model [N, ...] (int8/int16 for integer models)
  outputs.npy          raw output tensor 0 [N, ...] in the model's output dtype (int8/int16, or float32);
                       output_<k>.npy for every further output
  outputs_dequant.npy  float64 scale * (q - zero_point) of output 0 (integer outputs only)
  tensor_<i>.npy       with --all-tensors: every operator output tensor i, [N, ...] (a per-layer trace)
  run.json             model, interpreter, kernels, input/output quantisation, files (and values with --json)

--input-kind quantized: INPUTS holds integers that are fed as they are (checked to fit the input dtype).
--input-kind float: INPUTS holds real values; for an integer input tensor they are quantised as TFLite's
reference Quantize does: q = clamp(round_half_away_from_zero(x / scale) + zero_point) with x / scale in
float64 (x and scale are float32 values); a float32 input tensor gets them unchanged.
--kernels reference (default) uses TFLite's reference kernels (BUILTIN_REF), the executable form of the
arithmetic DESIGN.md §2 copies; 'builtin' uses the optimised kernels without delegates; 'auto' lets the
interpreter apply its default XNNPACK delegate. Single-threaded; results are identical run to run.
"""
import argparse
import os

import oracle_common
from oracle_common import np, write_json

KERNELS = ("reference", "builtin", "auto")


def make_interpreter(path, kernels, backend, preserve):
    if backend == "litert":
        from ai_edge_litert.interpreter import Interpreter, OpResolverType
    else:
        import tensorflow as tf
        Interpreter, OpResolverType = tf.lite.Interpreter, tf.lite.experimental.OpResolverType
    resolver = {"reference": OpResolverType.BUILTIN_REF,
                "builtin": OpResolverType.BUILTIN_WITHOUT_DEFAULT_DELEGATES,
                "auto": OpResolverType.AUTO}[kernels]
    interp = Interpreter(model_path=path, num_threads=1, experimental_op_resolver_type=resolver,
                         experimental_preserve_all_tensors=preserve)
    interp.allocate_tensors()
    return interp


def quant_params(detail):
    q = detail["quantization_parameters"]
    return {"name": detail["name"], "index": int(detail["index"]), "dtype": np.dtype(detail["dtype"]).name,
            "shape": [int(d) for d in detail["shape"]],
            "scales": [float(s) for s in q["scales"]], "zero_points": [int(z) for z in q["zero_points"]]}


def quantize(x, dtype, scale, zero_point):
    v = x.astype(np.float64) / np.float64(np.float32(scale))
    r = np.sign(v) * np.floor(np.abs(v) + 0.5)            # std::round: ties away from zero
    info = np.iinfo(dtype)
    return np.clip(r + zero_point, info.min, info.max).astype(dtype)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True, help=".tflite file")
    ap.add_argument("--inputs", required=True, help=".npy [N, ...input shape without batch]")
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--input-kind", choices=("quantized", "float"), default="float")
    ap.add_argument("--kernels", choices=KERNELS, default="reference")
    ap.add_argument("--backend", choices=("litert", "tf"), default="litert",
                    help="ai_edge_litert.interpreter (default) or tf.lite.Interpreter (cross-check)")
    ap.add_argument("--all-tensors", action="store_true", help="also write every operator output tensor")
    ap.add_argument("--json", action="store_true", help="also put the output values into run.json")
    args = ap.parse_args()

    interp = make_interpreter(args.model, args.kernels, args.backend, args.all_tensors)
    (inp,) = interp.get_input_details()
    outs = interp.get_output_details()
    in_dtype = np.dtype(inp["dtype"])
    x = np.load(args.inputs)
    if args.input_kind == "quantized":
        if not np.issubdtype(x.dtype, np.integer):
            ap.error(f"--input-kind quantized needs integer inputs, got {x.dtype}")
        info = np.iinfo(in_dtype)
        if x.min() < info.min or x.max() > info.max:
            ap.error(f"inputs outside the range of {in_dtype.name}")
        fed = x.astype(in_dtype)
    elif np.issubdtype(in_dtype, np.integer):
        qp = inp["quantization_parameters"]
        fed = quantize(x, in_dtype, qp["scales"][0], int(qp["zero_points"][0]))
    else:
        fed = x.astype(in_dtype)

    op_outputs = sorted({int(t) for op in interp._get_ops_details() for t in op["outputs"]})
    results = [[] for _ in outs]
    traces = {i: [] for i in op_outputs} if args.all_tensors else {}
    for sample in fed:
        interp.set_tensor(inp["index"], sample[None])
        interp.invoke()
        for k, o in enumerate(outs):
            results[k].append(interp.get_tensor(o["index"])[0].copy())
        for i in traces:
            traces[i].append(interp.get_tensor(i)[0].copy())

    os.makedirs(args.out, exist_ok=True)
    np.save(os.path.join(args.out, "inputs_fed.npy"), fed)
    files = ["inputs_fed.npy"]
    out_info = []
    for k, o in enumerate(outs):
        y = np.stack(results[k])
        name = "outputs.npy" if k == 0 else f"output_{k}.npy"
        np.save(os.path.join(args.out, name), y)
        files.append(name)
        info = quant_params(o) | {"file": name}
        if args.json:
            info["values"] = y
        out_info.append(info)
        if k == 0 and np.issubdtype(y.dtype, np.integer) and info["scales"]:
            np.save(os.path.join(args.out, "outputs_dequant.npy"),
                    np.float64(np.float32(info["scales"][0])) * (y.astype(np.float64) - info["zero_points"][0]))
            files.append("outputs_dequant.npy")
    for i, rows in traces.items():
        np.save(os.path.join(args.out, f"tensor_{i}.npy"), np.stack(rows))
        files.append(f"tensor_{i}.npy")

    write_json(os.path.join(args.out, "run.json"), {
        "model": os.path.abspath(args.model), "inputs": os.path.abspath(args.inputs), "samples": int(len(fed)),
        "input_kind": args.input_kind, "kernels": args.kernels, "backend": args.backend,
        "versions": oracle_common.versions() if args.backend == "tf" else _litert_version(),
        "input": quant_params(inp), "outputs": out_info,
        "traced_tensors": list(traces), "files": files,
    })
    print(f"{len(fed)} samples through {os.path.basename(args.model)} ({args.kernels} kernels) -> {args.out}")


def _litert_version():
    from importlib.metadata import version
    return {"ai_edge_litert": version("ai-edge-litert"), "numpy": np.__version__}


if __name__ == "__main__":
    main()
