#!/usr/bin/env python3
"""Generates `TLSHLengthScale.upperBounds` (Sources/ImprintHashing/TLSH/TLSHLengthScale.swift).

The TLSH paper (Oliver, Cheng, Chen: "TLSH - A Locality Sensitive Hash", CTC 2013) encodes the
input length on a piecewise logarithmic scale:

    L(n) = floor(log(n) / log(1.5))             for n <= 656
    L(n) = floor(log(n) / log(1.3) - 8.72777)   for n <= 3199
    L(n) = floor(log(n) / log(1.1) - 62.5472)   otherwise

with the logarithm taken in single precision (n converted to float, glibc logf) and the division
in double precision, as the reference computes it. L is monotone in n, so the scale is stored as
the largest n of each value; this script finds those bounds by bisection.

Usage: python3 scripts/tlsh_length_table.py > /tmp/bounds.txt
"""
import ctypes
import math
import struct

LOG_1_5, LOG_1_3, LOG_1_1 = 0.4054651, 0.26236426, 0.095310180
libm = ctypes.CDLL("libm.so.6")
libm.logf.restype = ctypes.c_float
libm.logf.argtypes = [ctypes.c_float]


def to_float32(n: int) -> float:
    return struct.unpack("f", struct.pack("f", float(n)))[0]


def length_value(n: int) -> int:
    log_n = float(libm.logf(to_float32(n)))
    if n <= 656:
        return math.floor(log_n / LOG_1_5)
    if n <= 3199:
        return math.floor(log_n / LOG_1_3 - 8.72777)
    return math.floor(log_n / LOG_1_1 - 62.5472)


def upper_bounds(count: int = 170) -> list[int]:
    bounds = []
    for value in range(count):
        low, high = 1, 2**32 - 1
        while low < high:
            mid = (low + high + 1) // 2
            if length_value(mid) <= value:
                low = mid
            else:
                high = mid - 1
        bounds.append(low)
    return bounds


if __name__ == "__main__":
    bounds = upper_bounds()
    for start in range(0, len(bounds), 8):
        print("        " + ", ".join(f"{b}" for b in bounds[start:start + 8]) + ",")
