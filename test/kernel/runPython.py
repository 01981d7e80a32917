"""Evaluate the wizard's expressions in a namespace the way IPython's
user_expressions does: eval() in the user namespace, then repr() as
text/plain. Reads {"setup": code, "expressions": [...]} from stdin and
writes the results and the user namespace's names before and after."""
import builtins
import json
import sys

request = json.load(sys.stdin)
user_ns = {"__name__": "__main__", "__builtins__": builtins}
exec(request["setup"], user_ns)
before = sorted(user_ns)
results = []
for expression in request["expressions"]:
    try:
        value = eval(expression, user_ns)
        results.append({"status": "ok", "data": {"text/plain": repr(value)}})
    except Exception as error:
        results.append({"status": "error", "ename": type(error).__name__, "evalue": str(error)})
after = sorted(user_ns)
frames = {}
for name in after:
    value = user_ns[name]
    if type(value).__name__ == "DataFrame":
        frames[name] = {"columns": [str(column) for column in value.columns],
                        "records": json.loads(value.to_json(orient="values"))}
json.dump({"before": before, "after": after, "results": results, "frames": frames}, sys.stdout)
