/**
 * The Python helper written next to an exported model. It needs only numpy
 * and pandas, so the model can be used in the notebook's kernel without
 * TensorFlow: it re-implements the preprocessing plan of `data/plan.ts` and
 * the forward pass of the wizard's dense networks.
 *
 * NOTE: datetime features and the random forest are not supported by this
 * helper; `load_model` names them in its error.
 */
export const PREDICT_PY = `"""Predict with a model exported by the JupyterLab Training Wizard.

Needs numpy and pandas. Read the data with every cell as text, as the
wizard does:

    frame = pandas.read_csv(path, dtype=str, keep_default_na=False)
    model = load_model(folder)
    labels = model.predict(frame)
"""
import json
import math
import os
import re

import numpy as np

MAX_SCALED = 1e6
BOOLEAN_PAIRS = [("false", "true"), ("no", "yes"), ("n", "y"), ("f", "t"), ("0", "1"), ("off", "on")]


def _number(cell, decimal, thousands):
    text = str(cell).strip()
    if text == "":
        return math.nan
    if thousands:
        text = text.replace(thousands, "")
    if decimal == ",":
        text = text.replace(",", ".", 1)
    if not re.fullmatch(r"[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?", text):
        return math.nan
    value = float(text)
    return value if math.isfinite(value) else math.nan


def _boolean(cell):
    value = _number(cell, ".", "")
    if not math.isnan(value):
        return value
    text = str(cell).strip().lower()
    for no, yes in BOOLEAN_PAIRS:
        if text == no:
            return 0.0
        if text == yes:
            return 1.0
    return math.nan


def _scale(values, scaler):
    filled = np.where(np.isnan(values), scaler["median"], values)
    if scaler["std"] == 0:
        return np.zeros_like(filled)
    return np.clip((filled - scaler["mean"]) / scaler["std"], -MAX_SCALED, MAX_SCALED)


class ExportedModel:
    """A dense network or constant baseline with its preprocessing plan."""

    def __init__(self, folder):
        with open(os.path.join(folder, "preprocessing.json"), encoding="utf-8") as handle:
            self.info = json.load(handle)
        self.plan = self.info["plan"]
        self.classes = self.info["classes"]
        self.markers = set(self.info["missing_markers"])
        for column in self.plan["columns"]:
            if column["kind"] == "datetime":
                raise ValueError(
                    "Column %r is a date; this helper does not encode dates. "
                    "Leave it out of the features and train again." % column["column"]
                )
        kind = self.info["artifact_format"]
        if kind == "constant":
            self.layers = None
        elif kind == "tfjs-layers":
            self.layers = self._read_layers(folder)
        else:
            raise ValueError("Models of format %r cannot be loaded by this helper." % kind)

    def _read_layers(self, folder):
        with open(os.path.join(folder, "model.json"), encoding="utf-8") as handle:
            model = json.load(handle)
        specs = model["weightsManifest"][0]["weights"]
        with open(os.path.join(folder, "weights.bin"), "rb") as handle:
            blob = handle.read()
        arrays, offset = [], 0
        for spec in specs:
            count = int(np.prod(spec["shape"])) if spec["shape"] else 1
            array = np.frombuffer(blob, dtype="<f4", count=count, offset=offset)
            arrays.append(array.reshape(spec["shape"]).astype(np.float64))
            offset += count * 4
        config = model["modelTopology"]["config"]
        dense = [layer for layer in config["layers"] if layer["class_name"] == "Dense"]
        if len(arrays) != 2 * len(dense):
            raise ValueError("model.json and weights.bin do not match: %d weights for %d dense layers." % (len(arrays), len(dense)))
        return [
            (arrays[2 * i], arrays[2 * i + 1], layer["config"]["activation"])
            for i, layer in enumerate(dense)
        ]

    def encode(self, frame):
        """Encode the rows of a DataFrame of text cells into the model's inputs."""
        rows = len(frame)
        parts = []
        for column in self.plan["columns"]:
            name = column["column"]
            if name not in frame.columns:
                raise KeyError("The data has no column %r, which the model needs." % name)
            cells = ["" if (isinstance(c, float) and math.isnan(c)) or str(c).strip() in self.markers else str(c) for c in frame[name]]
            kind = column["kind"]
            if kind == "numeric":
                fmt = column.get("format") or {"decimal": "," if column.get("decimalComma") else ".", "thousands": ""}
                values = np.array([_number(c, fmt["decimal"], fmt["thousands"]) for c in cells])
                parts.append(_scale(values, column["scaler"])[:, None])
            elif kind == "boolean":
                values = np.array([_boolean(c) for c in cells])
                parts.append(_scale(values, column["scaler"])[:, None])
            elif kind == "categorical":
                levels = {level: slot for slot, level in enumerate(column["levels"])}
                block = np.zeros((rows, len(levels) + 2))
                for row, cell in enumerate(cells):
                    slot = len(levels) if cell == "" else levels.get(cell, len(levels) + 1)
                    block[row, slot] = 1.0
                parts.append(block)
            elif kind == "constant":
                parts.append(np.zeros((rows, 1)))
        return np.hstack(parts) if parts else np.zeros((rows, 0))

    def predict_raw(self, frame):
        """Class probabilities (classification) or values (regression), one row per input row."""
        rows = len(frame)
        if self.layers is None:
            constant = self.info["constant"]
            return np.tile(np.asarray(constant, dtype=np.float64), (rows, 1))
        values = self.encode(frame)
        for kernel, bias, activation in self.layers:
            values = values @ kernel + bias
            if activation == "relu":
                values = np.maximum(values, 0)
            elif activation == "softmax":
                values = np.exp(values - values.max(axis=1, keepdims=True))
                values = values / values.sum(axis=1, keepdims=True)
        scale = self.info.get("target_scale")
        if scale:
            values = values * scale["std"] + scale["mean"]
        return values

    def predict(self, frame):
        """Predicted class labels (classification) or values (regression)."""
        raw = self.predict_raw(frame)
        if self.info["task"] == "classification":
            return [self.classes[index] for index in raw.argmax(axis=1)]
        return raw[:, 0]


def load_model(folder):
    """Load the exported model in \`folder\`."""
    return ExportedModel(folder)
`;
