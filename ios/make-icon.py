#!/usr/bin/env python3
# Usage: python3 ios/make-icon.py ios/Vieclam/Resources/Assets.xcassets/AppIcon.appiconset/AppIcon-1024.png
# Draws the app icon (1024 x 1024, opaque RGB): a white map pin with a check mark over the province's green hills,
# on the apps' deep blue. Pure Python (zlib) because no imaging library is installed here.
import math, struct, zlib, sys
N = 1024
BLUE, GREEN, DARK_GREEN, WHITE = (0x0B, 0x3D, 0x91), (0x2E, 0x7D, 0x32), (0x0B, 0x5D, 0x1E), (255, 255, 255)
def hill1(x): return 800 - 150 * math.exp(-((x - 260) / 230) ** 2) - 60 * math.exp(-((x - 900) / 200) ** 2)
def hill2(x): return 880 - 170 * math.exp(-((x - 760) / 260) ** 2)
CX, CY, R, HOLE = 512, 400, 230, 0
TIP = 800
def in_pin(x, y):
    if (x - CX) ** 2 + (y - CY) ** 2 <= R * R: return True
    # the pin's point: tangent lines from the tip to the circle
    d = TIP - CY
    if CY + R * R / d <= y <= TIP:  # below the points where the sides touch the circle
        half = math.asin(R / d)
        w = (TIP - y) * math.tan(half)
        return abs(x - CX) <= w
    return False
def seg_dist(px, py, ax, ay, bx, by):
    vx, vy, wx, wy = bx - ax, by - ay, px - ax, py - ay
    t = max(0.0, min(1.0, (wx * vx + wy * vy) / (vx * vx + vy * vy)))
    return math.hypot(px - (ax + t * vx), py - (ay + t * vy))
def in_check(x, y):
    return min(seg_dist(x, y, 410, 410, 490, 490), seg_dist(x, y, 490, 490, 630, 320)) <= 38
def colour(x, y):
    if in_pin(x, y):
        return BLUE if in_check(x, y) else WHITE
    if y >= hill2(x): return DARK_GREEN
    if y >= hill1(x): return GREEN
    return BLUE
S = ((0.25, 0.25), (0.75, 0.25), (0.25, 0.75), (0.75, 0.75))
rows = []
for y in range(N):
    row = bytearray([0])
    for x in range(N):
        acc = [0, 0, 0]
        for dx, dy in S:
            c = colour(x + dx, y + dy)
            acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]
        row += bytes((acc[0] // 4, acc[1] // 4, acc[2] // 4))
    rows.append(bytes(row))
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", N, N, 8, 2, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
