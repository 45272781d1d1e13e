"""Benchmarks: `python -m bench [NAME...]` runs bench/bench_<NAME>.py."""
