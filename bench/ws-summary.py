#!/usr/bin/env python3
"""Markdown table of WsLoadTool summaries: bench/ws-summary.py bench/results/*/summary.json"""
import json
import sys


def num(v, fmt="{:,.0f}"):
    if not isinstance(v, (int, float)) or v != v:
        return "–"  # missing, or NaN (the server did not answer /metrics)
    return fmt.format(v)


def pct(v):
    return v * 100 if isinstance(v, (int, float)) else None


def row(path):
    s = json.load(open(path))
    c, lag, by, sv, sq, cpu = s["clients"], s["lag_ms"]["delta"], s["bytes"], s["server"], s["seq"], s["cpu"]
    poll = s.get("poll") or {}
    srv_lag = sv.get("delivery_lag_s") or {}
    return [
        s["label"],
        f'{c["connected"]:,}/{c["requested"]:,}' + (f' ({c["closed_by_server"]} closed)' if c["closed_by_server"] else ""),
        s["config"]["format"],
        f'{num(lag["p50"])} / {num(lag["p99"])} / {num(lag["max"])}' if lag["count"] else "no deltas",
        num(lag["count"]),
        num(by["per_client_per_s"]),
        num(poll.get("baseline_bytes_per_s")),
        num(poll.get("ratio_push_over_poll"), "{:.3f}"),
        num(pct(sv.get("process_cpu_usage_avg")), "{:.0f} %"),
        f'{num(cpu.get("server_user_cores"), "{:.2f}")}+{num(cpu.get("server_sys_cores"), "{:.2f}")}',
        num(cpu.get("tool_cores"), "{:.2f}"),
        num(cpu.get("machine", {}).get("idle_pct"), "{:.0f} %"),
        num(sv["heap_used_max_bytes"] / 1e6 if isinstance(sv["heap_used_max_bytes"], (int, float)) and sv["heap_used_max_bytes"] > 0 else None, "{:.0f} MB"),
        f'{num(sv["resyncs_delta"])} / {num(sv["dropped_frames_delta"])}',
        f'{sq["gaps_window"]} / {sq["resyncs_seen_window"]}',
        num(srv_lag.get("p99_le"), "{:.2f} s"),
    ]


HEAD = ["run", "connected", "format", "delta lag p50 / p99 / max (ms)", "deltas measured", "bytes/client/s",
        "poll bytes/s", "push/poll", "server CPU avg (of 2 cores)", "server user+sys (cores)", "tool (cores)",
        "machine idle", "heap max", "server resyncs / dropped", "client gaps / resyncs", "server lag p99 ≤"]

print("| " + " | ".join(HEAD) + " |")
print("|" + "---|" * len(HEAD))
for p in sys.argv[1:]:
    print("| " + " | ".join(row(p)) + " |")
