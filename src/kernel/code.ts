/**
 * The Python code the wizard runs in a kernel, and the one expression that
 * runs it. Pure: builds strings only.
 *
 * Every action is evaluated as a `user_expressions` entry of a silent
 * execute request with empty code, so it neither prints into the notebook
 * nor raises the execution count. The helper source is executed inside a
 * fresh dictionary, so its imports and functions never reach the user
 * namespace. The only names it ever assigns there are the push targets.
 */

/** Comm target the kernel opens to send a DataFrame's CSV bytes to the page. */
export const COMM_TARGET = 'jupyterlab-training-wizard:dataframe';

/** Key of the wizard's entry in `user_expressions`. */
export const EXPRESSION_KEY = 'training_wizard';

/** The actions of the helper. */
export type KernelAction = 'list' | 'send' | 'push';

/**
 * Python source of the helper. `run(action, user_ns, args64)` decodes the
 * base64 JSON arguments, runs the action and returns its result as base64
 * JSON text. Exceptions become `{"error": "exception", ...}`.
 */
export const HELPER_SOURCE = `
import base64
import builtins
import hashlib
import json
import keyword
import sys


def _pandas():
    module = sys.modules.get("pandas", False)
    if module is None:
        return None, "missing"
    if module is False:
        import importlib.util
        try:
            spec = importlib.util.find_spec("pandas")
        except (ImportError, ValueError):
            spec = None
        if spec is None:
            return None, "missing"
        return None, "not-imported"
    return module, "ok"


def _import_pandas():
    module, state = _pandas()
    if module is not None or state == "missing":
        return module
    try:
        import pandas
    except ImportError:
        return None
    return pandas


def _list(user_ns, args):
    pandas, state = _pandas()
    if pandas is None:
        return {"pandas": state, "frames": []}
    frames = []
    for name, value in list(user_ns.items()):
        if name.startswith("_") or not isinstance(value, pandas.DataFrame):
            continue
        rows, columns = value.shape
        memory = int(value.memory_usage(index=True, deep=True).sum())
        frames.append({"name": name, "rows": int(rows), "columns": int(columns), "memory": memory})
    frames.sort(key=lambda frame: frame["name"])
    return {"pandas": "ok", "version": pandas.__version__, "frames": frames}


def _send(user_ns, args):
    pandas, state = _pandas()
    if pandas is None:
        return {"error": "no-pandas", "pandas": state}
    frame = user_ns.get(args["name"])
    if not isinstance(frame, pandas.DataFrame):
        return {"error": "not-found", "name": args["name"]}

    try:
        from ipykernel.comm import Comm
    except ImportError:
        return {"error": "no-comm"}
    total = len(frame)
    limit = args["rowLimit"]
    if total > limit:
        if args["sample"]:
            import numpy
            generator = numpy.random.default_rng(args["seed"])
            positions = numpy.sort(generator.choice(total, size=limit, replace=False))
            frame = frame.iloc[positions]
        else:
            frame = frame.iloc[:limit]

    if isinstance(frame.columns, pandas.MultiIndex):
        frame = frame.copy()
        frame.columns = ["_".join(str(part) for part in column) for column in frame.columns]

    data = frame.to_csv(index=False).encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    meta = {"request": args["request"], "rows": len(frame), "totalRows": total,
            "columns": int(frame.shape[1]), "bytes": len(data), "sha256": digest}
    comm = Comm(target_name=args["target"], data=meta, buffers=[data])
    comm.close()
    return {"sent": meta}


def _push(user_ns, args):
    pandas = _import_pandas()
    if pandas is None:
        return {"error": "no-pandas"}
    tables = args["tables"]
    for table in tables:
        name = table["name"]
        if not name.isidentifier() or keyword.iskeyword(name):
            return {"error": "invalid-name", "name": name}
        if hasattr(builtins, name) and not args["allowBuiltin"]:
            return {"error": "builtin", "name": name}
    pushed = []
    for table in tables:
        frame = pandas.DataFrame(table["rows"], columns=table["columns"])
        user_ns[table["name"]] = frame
        pushed.append({"name": table["name"], "rows": len(frame), "columns": int(frame.shape[1])})
    return {"pushed": pushed}


_ACTIONS = {"list": _list, "send": _send, "push": _push}


def run(action, user_ns, args64):
    try:
        args = json.loads(base64.b64decode(args64).decode("utf-8"))
        result = _ACTIONS[action](user_ns, args)
    except Exception as error:
        result = {"error": "exception", "type": type(error).__name__, "message": str(error)}
    return base64.b64encode(json.dumps(result).encode("utf-8")).decode("ascii")
`;

/** Encode text as base64 of its UTF-8 bytes. */
export function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  const chunk = 0x8000;
  for (let start = 0; start < bytes.length; start += chunk) {
    binary += String.fromCharCode(...bytes.subarray(start, start + chunk));
  }
  return btoa(binary);
}

/** Decode base64 of UTF-8 bytes back to text; throws on invalid input. */
export function fromBase64(base64: string): string {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) {
    bytes[index] = binary.charCodeAt(index);
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/**
 * Build the Python expression that runs `action` with `args` and evaluates
 * to the base64 JSON result.
 *
 * #### Notes
 * Only base64 text is placed inside the quotes, so no argument can end the
 * string literal. `builtins` is reached through `__import__`, and
 * `globals()` inside the lambda is the namespace the expression is evaluated
 * in, which for `user_expressions` is the user namespace.
 */
export function buildExpression(action: KernelAction, args: unknown): string {
  const helper = toBase64(HELPER_SOURCE);
  const encodedArgs = toBase64(JSON.stringify(args));
  return (
    "(lambda b, scope: (b.exec(b.__import__('base64').b64decode('" +
    helper +
    "').decode('utf-8'), scope), scope['run']('" +
    action +
    "', b.globals(), '" +
    encodedArgs +
    "'))[1])(__import__('builtins'), {'__name__': '__training_wizard__'})"
  );
}
