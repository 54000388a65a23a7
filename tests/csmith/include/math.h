/* Csmith's safe_math.h defines float helpers that call these; ktal's runtime
 * has no floating point (ktal-cc refuses it where it is used), and Csmith
 * with its default options generates no float, so the helpers are dead code
 * that only needs declarations to compile. */
#ifndef KTAL_CSMITH_MATH_H
#define KTAL_CSMITH_MATH_H
float fabsf(float);
double fabs(double);
float ldexpf(float, int);
double ldexp(double, int);
#endif
