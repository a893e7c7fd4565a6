"""Writes tiny.keras and tiny.h5, the small valid Keras files the model-reader fuzz tests damage.

Made once with the oracle venv and committed (so the fuzz tests need no TensorFlow):
    cd quantizer/src/test/resources/org/pulsedl/quantizer/fuzz
    /work/main/.venv/oracle/bin/python make_tiny_keras.py      # Keras 3.6.0, TensorFlow 2.18.0, h5py 3.12.1
Untrained (seeded initial weights): the tests check reading, not accuracy.
"""
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import keras  # noqa: E402

keras.utils.set_random_seed(8)
model = keras.Sequential(
    [
        keras.Input(shape=(16, 2), name="adc"),
        keras.layers.Conv1D(4, 3, activation="relu", name="conv1"),
        keras.layers.MaxPooling1D(2, name="pool1"),
        keras.layers.Flatten(name="flatten"),
        keras.layers.Dense(4, activation="relu", name="dense1"),
        keras.layers.Dense(2, name="out"),
    ],
    name="tiny",
)
model.save("tiny.keras")
model.save("tiny.h5")
