//! Run-time choice of vector width. The hot loops (dense weight rows, window sums, argmax,
//! Viterbi) are plain Rust written in whole 8-lane chunks and marked `#[inline(always)]`;
//! each entry point is compiled twice, once for the baseline target and once with AVX2
//! enabled ([`avx2!`]), and picks the AVX2 copy when the CPU has it. Both copies perform the
//! same IEEE operations in the same order (no fused multiply-add), so they give bit-identical
//! scores.

/// Whether the CPU supports AVX2 (checked once, then cached by the standard library).
#[inline]
pub fn has_avx2() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::arch::is_x86_feature_detected!("avx2")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// `avx2!(fn_avx2 => fn_impl(args...))`: call the AVX2 copy `fn_avx2` (a
/// `#[target_feature(enable = "avx2")]` wrapper of `fn_impl`) when the CPU has AVX2,
/// else `fn_impl` itself. Exported (as `dossier_tag::simd::avx2`) for the other crates whose
/// hot loops are compiled twice the same way (the attribution taggers).
#[doc(hidden)]
#[macro_export]
macro_rules! __simd_avx2 {
    ($recv:ident . $fast:ident => $slow:ident ( $($arg:expr),* $(,)? )) => {{
        #[cfg(target_arch = "x86_64")]
        {
            if $crate::simd::has_avx2() {
                // SAFETY: the CPU supports AVX2, the only feature the wrapper enables.
                unsafe { $recv.$fast($($arg),*) }
            } else {
                $recv.$slow($($arg),*)
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            $recv.$slow($($arg),*)
        }
    }};
    ($ty:ident :: $fast:ident => $slow:ident ( $($arg:expr),* $(,)? )) => {{
        #[cfg(target_arch = "x86_64")]
        {
            if $crate::simd::has_avx2() {
                // SAFETY: the CPU supports AVX2, the only feature the wrapper enables.
                unsafe { $ty::$fast($($arg),*) }
            } else {
                $ty::$slow($($arg),*)
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            $ty::$slow($($arg),*)
        }
    }};
}
pub use __simd_avx2 as avx2;
