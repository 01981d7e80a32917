"""One ingest measurement in a fresh Python process.

Reads a CSV file with ``pandas.read_csv``, then computes a profile close to
the wizard's (missing count, distinct count, ``describe``), and prints
timings and peak memory as one JSON line. Usage: ``python pandas_child.py FILE``.
"""
import json
import re
import sys
import time

import pandas as pd


def memory_mib():
    """Return (peak, current) resident set size of this process in MiB."""
    with open("/proc/self/status") as status:
        text = status.read()

    def field(name):
        return int(re.search(rf"^{name}:\s+(\d+) kB", text, re.M).group(1)) / 1024

    return field("VmHWM"), field("VmRSS")


def main():
    path = sys.argv[1]
    _, baseline = memory_mib()

    start = time.perf_counter()
    df = pd.read_csv(path)
    read_ms = (time.perf_counter() - start) * 1000
    peak_after_read, _ = memory_mib()

    df.isna().sum()
    df.nunique()
    df.describe(include="all")
    total_ms = (time.perf_counter() - start) * 1000
    peak, _ = memory_mib()

    print(json.dumps({
        "rows": len(df),
        "columns": df.shape[1],
        "readCsvMs": read_ms,
        "profileMs": total_ms - read_ms,
        "totalMs": total_ms,
        "baselineRssMiB": baseline,
        "peakRssAfterReadMiB": peak_after_read,
        "peakRssMiB": peak,
    }))


if __name__ == "__main__":
    main()
