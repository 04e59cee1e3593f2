#!/usr/bin/env python3
"""gen_curand_tables.py — writes include/cuda/cw_curand_tables.h, the jump
tables behind curand_init's subsequence and offset skip-ahead for XORWOW
and MRG32k3a.

The xorshift part of XORWOW (Marsaglia 2003: five 32-bit words v0..v4,
t = v0 ^ (v0 >> 2); shift the words down; v4 = (v4 ^ (v4 << 4)) ^ (t ^ (t << 1)))
is a linear map M on 160-bit states over GF(2).  Its minimal polynomial P
(degree 160, found here by Berlekamp-Massey on one bit of the output) is
also its characteristic polynomial, so by Cayley-Hamilton M^N = r(M) with
r(x) = x^N mod P.  Advancing a state by N steps is therefore: for each
nonzero base-16 digit of N, evaluate r(M) for the tabulated polynomial
r(x) = x^(digit * 16^k * SPACING) mod P on the state, by running the
generator 160 steps and adding up the states whose coefficient is 1.
SPACING is 2^67 for subsequences (cuRAND's documented distance between
subsequences) and 1 for offsets.  Nothing here is taken from NVIDIA's
tables; the script checks every table against plain stepping where that
is feasible and the subsequence table through identities of exponents.
MRG32k3a's two components are linear recurrences mod m1 and m2 whose
states move by 3x3 matrices; its tables are those matrices raised to 2^k
(offsets) and 2^(76+k) (subsequences, cuRAND's spacing of 2^76; its
skipahead_sequence moves by 2^127 = 2^76 * 2^51), by repeated squaring.
Run: python3 scripts/gen_curand_tables.py > include/cuda/cw_curand_tables.h
"""
import random

MASK = 0xFFFFFFFF


def step(v):
    t = v[0] ^ (v[0] >> 2)
    return v[1:] + [((v[4] ^ (v[4] << 4)) ^ (t ^ (t << 1))) & MASK]


def berlekamp_massey(bits):
    """minimal polynomial (as an int, bit i = coefficient of x^i, reversed
    connection form converted) of a GF(2) sequence"""
    n = len(bits)
    c, b = [1] + [0] * n, [1] + [0] * n
    L, m = 0, -1
    for i in range(n):
        d = bits[i]
        for j in range(1, L + 1):
            d ^= c[j] & bits[i - j]
        if d:
            t = c[:]
            for j in range(0, n - (i - m)):
                c[j + i - m] ^= b[j]
            if 2 * L <= i:
                L, m, b = i + 1 - L, i, t
    # connection polynomial C(x) = 1 + c1 x + ... + cL x^L; the
    # characteristic polynomial is its reciprocal x^L C(1/x)
    poly = 0
    for j in range(L + 1):
        if c[j]:
            poly |= 1 << (L - j)
    return poly, L


def polymulmod(a, b, p, deg):
    r = 0
    while b:
        if b & 1:
            r ^= a
        b >>= 1
        a <<= 1
        if a >> deg & 1:
            a ^= p
    return r


def polypowx(e, p, deg):
    """x^e mod p by square-and-multiply"""
    result, base = 1, 2
    while e:
        if e & 1:
            result = polymulmod(result, base, p, deg)
        base = polymulmod(base, base, p, deg)
        e >>= 1
    return result


def apply_poly(r, v):
    acc = [0] * 5
    for i in range(160):
        if r >> i & 1:
            acc = [a ^ b for a, b in zip(acc, v)]
        v = step(v)
    return acc


M1, M2 = 4294967087, 4294944443
# MRG32k3a (L'Ecuyer 1999): each component's state (x[n-3], x[n-2], x[n-1])
# moves by a 3x3 matrix; row 3 gives the new value
MRG_A1 = [[0, 1, 0], [0, 0, 1], [M1 - 810728, 1403580, 0]]
MRG_A2 = [[0, 1, 0], [0, 0, 1], [M2 - 1370589, 0, 527612]]


def matmul(a, b, m):
    return [[sum(a[i][k] * b[k][j] for k in range(3)) % m for j in range(3)] for i in range(3)]


def matpow2(a, k, m):
    """a^(2^k) mod m"""
    for _ in range(k):
        a = matmul(a, a, m)
    return a


def mrg_check():
    """the matrices reproduce the recurrence, and squaring composes"""
    s1 = [12345, 67890, 13579]
    t = s1[:]
    for _ in range(4):
        p1 = (1403580 * t[1] - 810728 * t[0]) % M1
        t = [t[1], t[2], p1]
    a4 = matpow2(MRG_A1, 2, M1)
    assert [sum(a4[i][k] * s1[k] for k in range(3)) % M1 for i in range(3)] == t


def main():
    rng = random.Random(1)
    v = [rng.getrandbits(32) for _ in range(5)]
    bits, s = [], v
    for _ in range(400):
        s = step(s)
        bits.append(s[4] & 1)
    p, deg = berlekamp_massey(bits)
    assert deg == 160, deg
    # P(M) must be zero on arbitrary states (it is M's characteristic polynomial)
    for _ in range(3):
        w = [rng.getrandbits(32) for _ in range(5)]
        s = w
        for _ in range(160):
            s = step(s)
        assert s == apply_poly(p ^ (1 << 160), w), "P is not the characteristic polynomial"
    # a few jumps checked by stepping
    for n in (1, 5, 159, 160, 1000, 4097):
        w = [rng.getrandbits(32) for _ in range(5)]
        s = w
        for _ in range(n):
            s = step(s)
        assert apply_poly(polypowx(n, p, 160), w) == s
    tables = {}
    for name, spacing in (("offset", 1), ("subsequence", 1 << 67)):
        rows = []
        for k in range(16):
            for digit in range(1, 16):
                rows.append(polypowx(digit * (16 ** k) * spacing, p, 160))
        tables[name] = rows
    # the subsequence table agrees with x^(2^67) composed by multiplication
    base = polypowx(1 << 67, p, 160)
    assert tables["subsequence"][0] == base
    assert tables["subsequence"][1] == polymulmod(base, base, p, 160)
    assert tables["subsequence"][15] == polypowx(1 << 71, p, 160)

    out = []
    out.append("/*\n * cw_curand_tables.h — XORWOW skip-ahead tables (generated by\n"
               " * scripts/gen_curand_tables.py; do not edit).\n *\n"
               " * __CW_XORWOW_CHARPOLY: the characteristic polynomial of the xorshift\n"
               " * part's 160-bit linear map, without its x^160 term, low word first.\n"
               " * __CW_XORWOW_JUMP_OFFSET[k*15 + d-1] = x^(d * 16^k) mod P and\n"
               " * __CW_XORWOW_JUMP_SUBSEQ[k*15 + d-1] = x^(d * 16^k * 2^67) mod P\n"
               " * (k = 0..15, d = 1..15), each as five 32-bit words, low word first.\n"
               " * cw_curand_core.h explains how they are used.\n */\n")
    out.append("#ifndef CUWASM_CW_CURAND_TABLES_H\n#define CUWASM_CW_CURAND_TABLES_H\n\n")

    def words(x):
        return ", ".join("0x%08xu" % ((x >> (32 * i)) & MASK) for i in range(5))

    out.append("__CW_CURAND_TABLE unsigned int __CW_XORWOW_CHARPOLY[5] = {%s};\n\n" % words(p))
    for cname, key in (("__CW_XORWOW_JUMP_OFFSET", "offset"), ("__CW_XORWOW_JUMP_SUBSEQ", "subsequence")):
        out.append("__CW_CURAND_TABLE unsigned int %s[240][5] = {\n" % cname)
        out.append(",\n".join("    {%s}" % words(x) for x in tables[key]))
        out.append("};\n\n")
    mrg_check()
    out.append("/* MRG32k3a: __CW_MRG_JUMP_SUBSEQ{1,2}[k] = A^(2^(76+k)) (k = 0..114:\n"
               " * subsequences of 2^76 and, from k = 51, sequences of 2^127) and\n"
               " * __CW_MRG_JUMP_OFFSET{1,2}[k] = A^(2^k) (k = 0..63) of the first (mod\n"
               " * 4294967087) and second (mod 4294944443) component, rows first */\n")
    for cname, a, m, base in (("__CW_MRG_JUMP_SUBSEQ1", MRG_A1, M1, 76), ("__CW_MRG_JUMP_SUBSEQ2", MRG_A2, M2, 76),
                              ("__CW_MRG_JUMP_OFFSET1", MRG_A1, M1, 0), ("__CW_MRG_JUMP_OFFSET2", MRG_A2, M2, 0)):
        rows = []
        x = matpow2(a, base, m)
        for k in range(115 if base else 64):
            rows.append("    {%s}" % ", ".join("%du" % x[i][j] for i in range(3) for j in range(3)))
            x = matmul(x, x, m)
        out.append("__CW_CURAND_TABLE unsigned int %s[%d][9] = {\n%s};\n\n" % (cname, len(rows), ",\n".join(rows)))
    out.append("#endif\n")
    print("".join(out), end="")


main()
