! Explicit time steps of the 1-D heat equation u_t = kappa u_xx on a rod with fixed ends:
! a three-point stencil in an OpenMP loop, and the largest change of a step (a max
! reduction) to stop when the rod is steady. Open its Scopes tab, or run
! `lomaw scopes examples/heat_stencil.f90`, to see how each variable is shared.
module heat_stencil
  implicit none
contains

  ! unew(i) = u(i) + r * (u(i-1) - 2 u(i) + u(i+1)), r = kappa dt / dx**2 (stable for r <= 1/2).
  subroutine heat_step(n, r, u, unew)
    integer, intent(in) :: n
    real(8), intent(in) :: r
    real(8), intent(in) :: u(n)
    real(8), intent(out) :: unew(n)
    integer :: i

    unew(1) = u(1)
    unew(n) = u(n)
!$omp parallel do
    do i = 2, n - 1
      unew(i) = u(i) + r * (u(i - 1) - 2.0d0 * u(i) + u(i + 1))
    end do
!$omp end parallel do
  end subroutine heat_step

  ! The largest |unew(i) - u(i)|: each thread keeps its own maximum, combined at the end.
  function max_change(n, u, unew) result(change)
    integer, intent(in) :: n
    real(8), intent(in) :: u(n), unew(n)
    real(8) :: change
    integer :: i

    change = 0.0d0
!$omp parallel do reduction(max:change)
    do i = 1, n
      change = max(change, abs(unew(i) - u(i)))
    end do
!$omp end parallel do
  end function max_change

end module heat_stencil
