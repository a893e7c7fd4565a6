"""Evaluates TensorFlow's fake_quant_with_min_max_vars and prints the nudged range as JSON (stdout or --out).

For (min, max, num_bits, narrow_range) it reports TF's nudging (tensorflow/core/kernels/fake_quant_ops_functor.h,
all float32): quant_min = narrow ? 1 : 0, quant_max = 2^bits - 1, scale = (max - min) / (quant_max - quant_min),
zero_point_from_min = quant_min - min / scale, nudged_zero_point = clamp(round(zero_point_from_min)) (round half
away from zero), nudged_min = (quant_min - nudged_zero_point) * scale, nudged_max = (quant_max - nudged_zero_point)
* scale. It then evaluates the real TF op on the given values and checks that the op's forward formula
(fake_quant_formula below; note TF 2.18 outputs (q - quant_zero) * scale, not q * scale + nudged_min), applied in
float32, reproduces TF's outputs bit for bit ("formula_matches_tf"). zero_point_signed = nudged_zero_point - 2^(bits-1) is
the zero point of the same grid stored as a signed integer (int8 for 8 bits).
Several --min/--max values (same count) select fake_quant_with_min_max_vars_per_channel; the values are then
laid out as [-1, channels] (last axis = channel).
All floats in the JSON are float32 values written as exact decimal doubles; "*_bits" fields give their
IEEE-754 bit patterns as unsigned 32-bit integers.
"""
import argparse
import sys

import oracle_common
from oracle_common import np, write_json

f32 = np.float32


def nudge(mn, mx, num_bits, narrow):
    """TF's Nudge() in float32 (for min = max = 0 the scale is 0 and the op outputs zeros)."""
    quant_min = f32(1 if narrow else 0)
    quant_max = f32((1 << num_bits) - 1)
    scale = f32(f32(mx - mn) / f32(quant_max - quant_min))
    if mn == 0 and mx == 0:
        return {"quant_min": int(quant_min), "quant_max": int(quant_max), "scale": f32(0),
                "zero_point_from_min": None, "nudged_zero_point": None, "zero_point_signed": None,
                "nudged_min": f32(0), "nudged_max": f32(0)}
    zp_from_min = f32(quant_min - f32(mn / scale))
    if zp_from_min < quant_min:
        zp = quant_min
    elif zp_from_min > quant_max:
        zp = quant_max
    else:
        zp = f32(np.floor(abs(zp_from_min) + f32(0.5)) * np.sign(zp_from_min))   # std::round
    return {"quant_min": int(quant_min), "quant_max": int(quant_max), "scale": scale,
            "zero_point_from_min": zp_from_min, "nudged_zero_point": int(zp),
            "zero_point_signed": int(zp) - (1 << (num_bits - 1)),
            "nudged_min": f32((quant_min - zp) * scale), "nudged_max": f32((quant_max - zp) * scale)}


def fake_quant_formula(x, n, mn, mx, per_channel):
    """The op's forward pass as in TF 2.18's fake_quant_ops_functor.h, in float32.

    inv_scale = (quant_max - quant_min) / (max - min)   (recomputed, not 1 / scale)
    quant_zero = floor(-nudged_min * inv_scale + 0.5)
    y = floor(clamp(x, nudged_min, nudged_max) - nudged_min) OP - quant_zero + 0.5) * scale
    where OP is "/ scale" for the per-tensor op (min/max vars) and "* inv_scale" for the per-channel op.
    """
    if mn == 0 and mx == 0:
        return np.zeros_like(x)                            # TF's special case: min = max = 0 gives zeros
    nmin, nmax, scale = f32(n["nudged_min"]), f32(n["nudged_max"]), f32(n["scale"])
    inv = f32(f32(n["quant_max"] - n["quant_min"]) / f32(f32(mx) - f32(mn)))
    quant_zero = f32(np.floor(f32(f32(-nmin) * inv) + f32(0.5)))
    shifted = (np.minimum(np.maximum(x, nmin), nmax).astype(f32) - nmin).astype(f32)
    q = (shifted * inv).astype(f32) if per_channel else (shifted / scale).astype(f32)
    return (np.floor(((q - quant_zero).astype(f32) + f32(0.5)).astype(f32)).astype(f32) * scale).astype(f32)


def bits(v):
    return int(np.asarray(v, dtype=f32).view(np.uint32))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--min", type=float, nargs="+", required=True)
    ap.add_argument("--max", type=float, nargs="+", required=True)
    ap.add_argument("--num-bits", type=int, default=8, help="2..16")
    ap.add_argument("--narrow-range", action="store_true")
    ap.add_argument("--values", type=float, nargs="*", default=[], help="input values")
    ap.add_argument("--values-npy", help=".npy of input values (instead of / besides --values)")
    ap.add_argument("--out", help="write the JSON here instead of stdout")
    args = ap.parse_args()
    if len(args.min) != len(args.max):
        ap.error("--min and --max need the same number of values")

    import tensorflow as tf

    x = np.asarray(args.values, dtype=f32)
    if args.values_npy:
        x = np.concatenate([x, np.load(args.values_npy).astype(f32).ravel()])
    channels = len(args.min)
    mins, maxs = np.asarray(args.min, f32), np.asarray(args.max, f32)
    if channels == 1:
        y = tf.quantization.fake_quant_with_min_max_vars(
            tf.constant(x), tf.constant(mins[0]), tf.constant(maxs[0]),
            num_bits=args.num_bits, narrow_range=args.narrow_range).numpy()
    else:
        if x.size % channels:
            ap.error(f"{x.size} values do not split into {channels} channels")
        x = x.reshape(-1, channels)
        y = tf.quantization.fake_quant_with_min_max_vars_per_channel(
            tf.constant(x), tf.constant(mins), tf.constant(maxs),
            num_bits=args.num_bits, narrow_range=args.narrow_range).numpy()

    ranges, formula = [], np.empty_like(x)
    for c in range(channels):
        n = nudge(mins[c], maxs[c], args.num_bits, args.narrow_range)
        n.update({"min": mins[c], "max": maxs[c]})
        n.update({k + "_bits": bits(n[k]) for k in ("scale", "nudged_min", "nudged_max")})
        ranges.append(n)
        if channels == 1:
            formula = fake_quant_formula(x, n, mins[c], maxs[c], False)
        else:
            formula[:, c] = fake_quant_formula(x[:, c], n, mins[c], maxs[c], True)

    result = {"num_bits": args.num_bits, "narrow_range": args.narrow_range,
              "per_channel": channels > 1, "tensorflow": tf.__version__,
              **(ranges[0] if channels == 1 else {"channels": ranges}),
              "inputs": x, "outputs": y, "output_bits": y.view(np.uint32),
              "formula_matches_tf": bool(np.array_equal(formula.view(np.uint32), y.view(np.uint32)))}
    if args.out:
        write_json(args.out, result)
    else:
        import json
        json.dump(result, sys.stdout, indent=1, default=oracle_common._jsonable)
        print()


if __name__ == "__main__":
    main()
