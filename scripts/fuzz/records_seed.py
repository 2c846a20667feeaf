#!/usr/bin/env python3
"""Writes the records form of a sealed cartridge file (base database or .mu), the seed form of
the `cartridge` and `microupdate` fuzz targets (see Sources/Imprint/Fuzz/CartridgeFuzzing.swift):
mode byte 1, then per section `type u16, kind u16, items u32, length u32` and the inflated payload.

    scripts/fuzz/records_seed.py FILE > FILE.records

An independent reading of the container (SectionContainer.swift); CrasherReplayTests checks
that the library's `FuzzTarget.recordsSeed(ofFile:)` gives the same bytes.
"""
import struct
import sys
import zlib


def records(data: bytes) -> bytes:
    magic, version, flags, count, length, _crc, _reserved = struct.unpack_from("<8sHHIQII", data, 0)
    if magic not in (b"IMPRCDB1", b"IMPRCMU1") or version != 1 or length != len(data):
        raise SystemExit("not a sealed Imprint cartridge file")
    out = bytearray(b"\x01")
    for index in range(count):
        kind_type, kind, items, offset, compressed, uncompressed, _c1, _c2 = struct.unpack_from(
            "<HHIQIIII", data, 32 + 32 * index)
        payload = zlib.decompress(data[offset:offset + compressed])
        assert len(payload) == uncompressed
        out += struct.pack("<HHII", kind_type, kind, items, len(payload)) + payload
    return bytes(out)


if __name__ == "__main__":
    with open(sys.argv[1], "rb") as handle:
        sys.stdout.buffer.write(records(handle.read()))
