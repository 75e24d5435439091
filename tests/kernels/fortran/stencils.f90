! Stencil loops of different shapes for the OpenMP adjoint scope analysis (docs/omp.md).
! tests/engine/fortran/test_fortran_scopes.cpp states the expected scopes of each loop,
! derived by hand from the rules, beside the loop's line number.

! 1. pyscopad's first example: writes r(i-1), r(i); reads u(i), u(i-1) match those writes.
subroutine pairs(n, u, r)
  implicit none
  integer, intent(in) :: n
  double precision, dimension(n), intent(in) :: u
  double precision, dimension(n), intent(inout) :: r
  integer :: i
  !$omp parallel do shared(u, r)
  do i = 2, n, 2
    r(i-1) = 2*u(i)
    r(i) = 3*u(i-1)
  end do
  !$omp end parallel do
end subroutine pairs

! 2. Three-point stencil: u(i-1), u(i+1) are read by neighbouring iterations.
subroutine smooth(n, u, r, a)
  implicit none
  integer, intent(in) :: n
  double precision, intent(in) :: u(n), a
  double precision, intent(out) :: r(n)
  integer :: i
  !$omp parallel do
  do i = 2, n - 1
    r(i) = a * (u(i-1) + u(i) + u(i+1))
  end do
end subroutine smooth

! 3. Constant offset: the reads u(2i+1), u(2i+2) are the writes r(2i), r(2i+1) shifted by 1.
subroutine shift(n, u, r)
  implicit none
  integer, intent(in) :: n
  double precision, intent(in) :: u(2*n+2)
  double precision, intent(out) :: r(2*n+2)
  integer :: i
  !$omp parallel do
  do i = 1, n
    r(2*i) = 2.0d0 * u(2*i+1)
    r(2*i+1) = u(2*i+2) / 2
  end do
end subroutine shift

! 4. Symmetric writes: each iteration writes r(2i) and r(2i+1) and reads the same elements.
subroutine symmetric(n, u, r)
  implicit none
  integer, intent(in) :: n
  double precision, intent(in) :: u(2*n+2)
  double precision, intent(inout) :: r(2*n+2)
  integer :: i
  !$omp parallel do shared(u, r)
  do i = 1, n
    r(2*i) = r(2*i) + u(2*i+1)
    r(2*i+1) = r(2*i+1) - u(2*i)
  end do
end subroutine symmetric

! 5. Indirect reads through a read-only index array.
subroutine gather(n, c, u, r)
  implicit none
  integer, intent(in) :: n
  integer, intent(in) :: c(n)
  double precision, intent(in) :: u(n)
  double precision, intent(out) :: r(n)
  integer :: i
  !$omp parallel do
  do i = 1, n
    r(i) = u(c(i)) * u(i)
  end do
end subroutine gather

! 6. Read-write array with an unsafe read: u(i+1) is written by the next iteration.
subroutine readwrite(n, u)
  implicit none
  integer, intent(in) :: n
  double precision, intent(inout) :: u(n)
  integer :: i
  !$omp parallel do
  do i = 1, n - 1
    u(i) = u(i) * u(i+1)
  end do
end subroutine readwrite

! 7. default(none) with private temporary and a reduction.
subroutine energy(n, u, e, w)
  implicit none
  integer, intent(in) :: n
  double precision, intent(in) :: u(n), w
  double precision, intent(inout) :: e
  double precision :: t
  integer :: i
  !$omp parallel do default(none) shared(u, w, n) private(t) reduction(+:e)
  do i = 1, n
    t = w * u(i)
    e = e + t * t
  end do
end subroutine energy

! 8. Two-dimensional five-point stencil over columns j (rows i run inside each thread).
subroutine laplace(n, m, u, r)
  implicit none
  integer, intent(in) :: n, m
  double precision, intent(in) :: u(n, m)
  double precision, intent(out) :: r(n, m)
  integer :: i, j
  !$omp parallel do private(i)
  do j = 2, m - 1
    do i = 2, n - 1
      r(i, j) = u(i-1, j) + u(i+1, j) + u(i, j-1) + u(i, j+1) - 4*u(i, j)
    end do
  end do
end subroutine laplace

! 9. Conditional writes: in the then-branch both reads u(2i), u(2i+1) are matched by writes
!    r(2i), r(2i+1) of the same branch; in the else-branch only r(2i) is written, so the read
!    v(2i+1) is not covered.
subroutine branches(n, f, u, v, r)
  implicit none
  integer, intent(in) :: n
  integer, intent(in) :: f(n)
  double precision, intent(in) :: u(2*n+2), v(2*n+2)
  double precision, intent(out) :: r(2*n+2)
  integer :: i
  !$omp parallel do
  do i = 1, n
    if (f(i) > 0) then
      r(2*i) = u(2*i)
      r(2*i+1) = u(2*i+1)
    else
      r(2*i) = v(2*i) + v(2*i+1)
    end if
  end do
end subroutine branches

! 10. Slice reads are unsafe; a small fixed-size coefficient array gets a reduction.
subroutine window(n, u, r, coef)
  implicit none
  integer, intent(in) :: n
  double precision, intent(in) :: u(n), coef(3)
  double precision, intent(out) :: r(n)
  integer :: i
  !$omp parallel do
  do i = 2, n - 1
    r(i) = coef(1) * sum(u(i-1:i+1)) + coef(2) * u(i) + coef(3)
  end do
end subroutine window

! 11. Firstprivate scalar, and a loop written with `parallel for`.
subroutine scaled(n, u, r, s)
  implicit none
  integer, intent(in) :: n
  double precision, intent(in) :: u(n)
  double precision, intent(out) :: r(n)
  double precision, intent(in) :: s
  integer :: i
  !$omp parallel for firstprivate(s)
  do i = n, 1, -1
    r(i) = s * u(i)
  end do
end subroutine scaled

! 12. Index computed in the loop: j = n+1-i is assigned once, unconditionally, from names the
!     loop does not modify, so r(j) and u(j) are r(n-i+1) and u(n-i+1).
subroutine computed(n, u, r)
  implicit none
  integer, intent(in) :: n
  double precision, intent(in) :: u(n)
  double precision, intent(out) :: r(n)
  integer :: i, j
  !$omp parallel do private(j)
  do i = 1, n
    j = n + 1 - i
    r(j) = u(j)
  end do
end subroutine computed
