// Sine and cosine for the gate matrices, the same bits on every platform: the C libraries of
// Linux and of WebAssembly (musl) round some arguments differently in the last place, and a gate
// matrix one ulp apart makes the simulated amplitudes differ natively and in the package. This is
// fdlibm's method (Sun Microsystems' freely distributable libm): reduction by pi/2 in three parts,
// then its minimax polynomials on [-pi/4, pi/4]; plain IEEE operations only (the core is built
// with -ffp-contract=off), accurate to about an ulp.
#pragma once
#include <cmath>

namespace qvet {

namespace trig_detail {
// fdlibm's __kernel_sin and __kernel_cos coefficients, for |r| <= pi/4.
constexpr double kS1 = -1.66666666666666324348e-01, kS2 = 8.33333333332248946124e-03, kS3 = -1.98412698298579493134e-04,
                 kS4 = 2.75573137070700676789e-06, kS5 = -2.50507602534068634195e-08, kS6 = 1.58969099521155010221e-10;
constexpr double kC1 = 4.16666666666666019037e-02, kC2 = -1.38888888888741095749e-03, kC3 = 2.48015872894767294178e-05,
                 kC4 = -2.75573143513906633035e-07, kC5 = 2.08757232129817482790e-09, kC6 = -1.13596475577881948265e-11;
// pi/2 = kPio2a + kPio2b + kPio2c, each with enough trailing zero bits that n * part is exact for
// |n| < 2^20 (fdlibm's pio2_1, pio2_2, pio2_3).
constexpr double kPio2a = 1.57079632673412561417e+00, kPio2b = 6.07710050630396597660e-11,
                 kPio2c = 2.02226624871116645580e-21;
constexpr double kTwoOverPi = 6.36619772367581382433e-01;

inline double kernel_sin(double r) {
  const double z = r * r;
  return r + r * z * (kS1 + z * (kS2 + z * (kS3 + z * (kS4 + z * (kS5 + z * kS6)))));
}
inline double kernel_cos(double r) {
  const double z = r * r;
  return 1.0 - 0.5 * z + z * z * (kC1 + z * (kC2 + z * (kC3 + z * (kC4 + z * (kC5 + z * kC6)))));
}
// r in [-pi/4, pi/4] and the quadrant q with x = q * pi/2 + r.
inline void reduce(double x, double* r, int* q) {
  if (!(std::fabs(x) < 1e6)) {  // rare, and NaN or infinity: the exact remainder first
    x = std::remainder(x, 6.28318530717958647692);
  }
  const double n = std::nearbyint(x * kTwoOverPi);
  *r = ((x - n * kPio2a) - n * kPio2b) - n * kPio2c;
  *q = static_cast<int>(static_cast<long long>(n) & 3);
}
}  // namespace trig_detail

inline void portable_sincos(double x, double* s, double* c) {
  using namespace trig_detail;
  if (!std::isfinite(x)) {
    *s = *c = x - x;  // NaN
    return;
  }
  double r = 0;
  int q = 0;
  reduce(x, &r, &q);
  const double sr = kernel_sin(r), cr = kernel_cos(r);
  switch (q) {
    case 0: *s = sr, *c = cr; break;
    case 1: *s = cr, *c = -sr; break;
    case 2: *s = -sr, *c = -cr; break;
    default: *s = -cr, *c = sr; break;
  }
}
inline double portable_sin(double x) {
  double s, c;
  portable_sincos(x, &s, &c);
  return s;
}
inline double portable_cos(double x) {
  double s, c;
  portable_sincos(x, &s, &c);
  return c;
}

}  // namespace qvet
