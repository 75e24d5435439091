! A kernel in the style of the Parallel Research Kernels: kinds from the intrinsic module
! iso_fortran_env, an enum of initialisation modes, and a preprocessor condition continued
! over two lines. None of these is a variable: default(none) does not list them.
module prk_style_modes
  use, intrinsic :: iso_fortran_env
  implicit none
  enum, bind(c)
    enumerator :: MODE_ZERO, MODE_LINEAR, MODE_SCALED = 5
  end enum
contains
  subroutine initialise(n, mode, a)
    integer(kind=INT32), intent(in) :: n, mode
    real(kind=REAL64), intent(out) :: a(n)
    integer(kind=INT32) :: i
#if defined(__INTEL_COMPILER) \
 && (__INTEL_COMPILER < 1600)
    !$omp parallel do default(none) shared(a) firstprivate(n) private(i)
#else
    !$omp parallel do default(none) shared(a) firstprivate(n, mode) private(i)
#endif
    do i = 1, n
      if (mode .eq. MODE_LINEAR) then
        a(i) = real(i - 1, REAL64)
      else if (mode .eq. MODE_SCALED) then
        a(i) = 0.5_REAL64 * real(i, kind=REAL64)
      else
        a(i) = 0.0_real64
      end if
    end do
    !$omp end parallel do
  end subroutine initialise

  subroutine scale_sum(n, a, s)
    use iso_fortran_env, only: dp => real64
    integer, intent(in) :: n
    real(dp), intent(in) :: a(n)
    real(dp), intent(out) :: s
    integer :: i
    s = 0.0_dp
    !$omp parallel do default(none) shared(a, n) private(i) reduction(+:s)
    do i = 1, n
      s = s + real(2, dp) * a(i) * a(i)
    end do
    !$omp end parallel do
  end subroutine scale_sum
end module prk_style_modes
