"""Shared set-up for the oracle scripts: quiet, single-threaded, deterministic TensorFlow.

Import this module *before* TensorFlow: it sets the environment variables TF reads at import time.
"""
import json
import os
import random

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")    # no INFO/WARNING banners on stderr
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")   # plain Eigen kernels: same float results every run
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("PYTHONHASHSEED", "0")

import numpy as np  # noqa: E402


def seed_everything(seed):
    """Seeds Python, NumPy and TF and switches TF to deterministic single-threaded ops."""
    import tensorflow as tf
    import keras
    random.seed(seed)
    np.random.seed(seed)
    keras.utils.set_random_seed(seed)
    tf.config.experimental.enable_op_determinism()
    try:
        tf.config.threading.set_inter_op_parallelism_threads(1)
        tf.config.threading.set_intra_op_parallelism_threads(1)
    except RuntimeError:
        pass  # already initialised; determinism is still on


def write_json(path, obj):
    """Writes obj as indented JSON; floats keep full precision (repr round-trips)."""
    with open(path, "w") as f:
        json.dump(obj, f, indent=1, default=_jsonable)
        f.write("\n")


def _jsonable(o):
    if isinstance(o, np.ndarray):
        return o.tolist()
    if isinstance(o, np.generic):
        return o.item()
    if isinstance(o, bytes):
        return o.decode("utf-8", "replace")
    raise TypeError(f"not JSON serialisable: {type(o)}")


def versions():
    import tensorflow as tf
    import keras
    out = {"tensorflow": tf.__version__, "keras": keras.__version__, "numpy": np.__version__}
    try:
        from importlib.metadata import version
        out["ai_edge_litert"] = version("ai-edge-litert")
    except Exception:  # noqa: BLE001 - optional
        pass
    return out
