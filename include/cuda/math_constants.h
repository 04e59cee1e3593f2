/*
 * math_constants.h — CUDART_* mathematical constants (cuwasm).
 *
 * Names as CUDA documents them.  Values are the nearest float (the _F
 * names) or double to the mathematical constant; a _HI/_LO pair splits a
 * constant into the nearest double and the double nearest the remainder,
 * for extended-precision argument reduction.
 *
 * The special values (infinities, NaN, negative zero, denormals) are bit
 * patterns.  In the device pass they are spelled with __int_as_float /
 * __longlong_as_double, which sema folds; in the host pass those are device
 * functions, so gcc's builtins stand in and the macros remain usable in
 * constant expressions.
 */
#ifndef CUWASM_MATH_CONSTANTS_H
#define CUWASM_MATH_CONSTANTS_H
#define __MATH_CONSTANTS_H__ /* NVIDIA's guard: programs test it (helper_cuda.h) */

#if defined(__CUDA_ARCH__)
#define CUDART_INF_F         __int_as_float(0x7f800000)
#define CUDART_NAN_F         __int_as_float(0x7fffffff)
#define CUDART_MIN_DENORM_F  __int_as_float(0x00000001)
#define CUDART_MAX_NORMAL_F  __int_as_float(0x7f7fffff)
#define CUDART_NEG_ZERO_F    __int_as_float((int)0x80000000)
#define CUDART_INF           __longlong_as_double(0x7ff0000000000000LL)
#define CUDART_NAN           __longlong_as_double((long long)0xfff8000000000000ULL)
#define CUDART_NEG_ZERO      __longlong_as_double((long long)0x8000000000000000ULL)
#define CUDART_MIN_DENORM    __longlong_as_double(0x0000000000000001LL)
#else
#define CUDART_INF_F         __builtin_huge_valf()
#define CUDART_NAN_F         __builtin_nanf("")
#define CUDART_MIN_DENORM_F  1.40129846e-45F
#define CUDART_MAX_NORMAL_F  3.40282347e+38F
#define CUDART_NEG_ZERO_F    (-0.0F)
#define CUDART_INF           __builtin_huge_val()
#define CUDART_NAN           (-__builtin_nan(""))
#define CUDART_NEG_ZERO      (-0.0)
#define CUDART_MIN_DENORM    4.9406564584124654e-324
#endif

/* single precision */
#define CUDART_ZERO_F              0.0F
#define CUDART_ONE_F               1.0F
#define CUDART_SQRT_HALF_F         0.7071067691F
#define CUDART_SQRT_TWO_F          1.414213538F
#define CUDART_THIRD_F             0.3333333433F
#define CUDART_PIO4_F              0.7853981853F
#define CUDART_PIO2_F              1.570796371F
#define CUDART_3PIO4_F             2.356194496F
#define CUDART_2_OVER_PI_F         0.6366197467F
#define CUDART_SQRT_2_OVER_PI_F    0.7978845835F
#define CUDART_PI_F                3.141592741F
#define CUDART_L2E_F               1.442695022F
#define CUDART_L2T_F               3.321928024F
#define CUDART_LG2_F               0.30103001F
#define CUDART_LGE_F               0.434294492F
#define CUDART_LN2_F               0.6931471825F
#define CUDART_LNT_F               2.302585125F
#define CUDART_LNPI_F              1.144729853F
#define CUDART_TWO_TO_M126_F       1.175494351e-38F
#define CUDART_TWO_TO_126_F        8.507059173e+37F
#define CUDART_NORM_HUGE_F         3.402823466e+38F
#define CUDART_TWO_TO_23_F         8388608.0F
#define CUDART_TWO_TO_24_F         16777216.0F
#define CUDART_TWO_TO_31_F         2147483648.0F
#define CUDART_TWO_TO_32_F         4294967296.0F
#define CUDART_SQRT_HALF_HI_F      0.7071067691F
#define CUDART_SQRT_HALF_LO_F      1.210161749e-08F
#define CUDART_REMQUO_BITS_F       3
#define CUDART_REMQUO_MASK_F       (~((~0U) << CUDART_REMQUO_BITS_F))
#define CUDART_TRIG_PLOSS_F        105615.0F

/* double precision */
#define CUDART_ZERO                0.0
#define CUDART_ONE                 1.0
#define CUDART_SQRT_TWO            1.4142135623730951
#define CUDART_SQRT_HALF           0.7071067811865476
#define CUDART_THIRD               0.3333333333333333
#define CUDART_TWOTHIRD            0.6666666666666666
#define CUDART_PIO4                0.7853981633974483
#define CUDART_PIO2                1.5707963267948966
#define CUDART_3PIO4               2.356194490192345
#define CUDART_2_OVER_PI           0.6366197723675814
#define CUDART_PI                  3.141592653589793
#define CUDART_SQRT_2PI            2.5066282746310007
#define CUDART_SQRT_PIO2           1.2533141373155003
#define CUDART_SQRT_2OPI           0.7978845608028654
#define CUDART_L2E                 1.4426950408889634
#define CUDART_L2T                 3.321928094887362
#define CUDART_LG2                 0.3010299956639812
#define CUDART_LGE                 0.4342944819032518
#define CUDART_LN2                 0.6931471805599453
#define CUDART_LNT                 2.302585092994046
#define CUDART_LNPI                1.1447298858494002
#define CUDART_TWO_TO_23           8388608.0
#define CUDART_TWO_TO_52           4503599627370496.0
#define CUDART_TWO_TO_53           9007199254740992.0
#define CUDART_TWO_TO_54           18014398509481984.0
#define CUDART_TWO_TO_M54          5.551115123125783e-17
#define CUDART_TWO_TO_M1022        2.2250738585072014e-308
#define CUDART_PI_HI               3.141592653589793
#define CUDART_PI_LO               1.2246467991473532e-16
#define CUDART_PIO2_HI             1.5707963267948966
#define CUDART_PIO2_LO             6.123233995736766e-17
#define CUDART_PIO4_HI             0.7853981633974483
#define CUDART_PIO4_LO             3.061616997868383e-17
#define CUDART_SQRT_2PI_HI         2.5066282746310007
#define CUDART_SQRT_2PI_LO         (-1.8328579980459167e-16)
#define CUDART_SQRT_PIO2_HI        1.2533141373155003
#define CUDART_SQRT_PIO2_LO        (-9.164289990229583e-17)
#define CUDART_SQRT_HALF_HI        0.7071067811865476
#define CUDART_SQRT_HALF_LO        (-4.833646656726457e-17)
#define CUDART_L2E_HI              1.4426950408889634
#define CUDART_L2E_LO              2.0355273740931033e-17
#define CUDART_LG2_HI              0.3010299956639812
#define CUDART_LG2_LO              (-2.8037281277851704e-18)
#define CUDART_LGE_HI              0.4342944819032518
#define CUDART_LGE_LO              1.098319650216765e-17
#define CUDART_LN2_HI              0.6931471805599453
#define CUDART_LN2_LO              2.3190468138462996e-17
#define CUDART_LNT_HI              2.302585092994046
#define CUDART_LNT_LO              (-2.1707562233822494e-16)
#define CUDART_REMQUO_BITS         3
#define CUDART_REMQUO_MASK         (~((~0U) << CUDART_REMQUO_BITS))
#define CUDART_TRIG_PLOSS          2147483648.0
#define CUDART_DBL2INT_CVT         6755399441055744.0

#endif /* CUWASM_MATH_CONSTANTS_H */
