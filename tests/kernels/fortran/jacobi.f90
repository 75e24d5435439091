! A Jacobi solver for the 2-D Poisson equation as a program with its own module: collapsed
! nests (the iteration space is every (i,j) pair), a max-norm reduction, a copy-back, and a
! rank-one update where collapse matters for the adjoint. Expected scopes: jacobi.expected.
module jacobi_module
  implicit none
  integer, parameter :: n = 64
  real(8), parameter :: h = 1.0d0 / (n + 1)
contains

  subroutine sweep(u, unew, f, err)
    real(8), intent(in) :: u(0:n+1, 0:n+1), f(n, n)
    real(8), intent(inout) :: unew(0:n+1, 0:n+1)
    real(8), intent(out) :: err
    integer :: i, j

    err = 0.0d0
!$omp parallel do collapse(2) reduction(max:err)
    do j = 1, n
      do i = 1, n
        unew(i, j) = 0.25d0 * (u(i-1, j) + u(i+1, j) + u(i, j-1) + u(i, j+1) + h * h * f(i, j))
        err = max(err, abs(unew(i, j) - u(i, j)))
      end do
    end do
!$omp end parallel do
  end subroutine sweep

  subroutine copy_back(u, unew)
    real(8), intent(inout) :: u(0:n+1, 0:n+1)
    real(8), intent(in) :: unew(0:n+1, 0:n+1)
    integer :: i, j

!$omp parallel do collapse(2) default(none) shared(u, unew)
    do j = 1, n
      do i = 1, n
        u(i, j) = unew(i, j)
      end do
    end do
!$omp end parallel do
  end subroutine copy_back

  ! w(i,j) = a(i) * b(j): with collapse(2) the iterations (i,1) and (i,2) may run on different
  ! threads, and both add into the adjoint of a(i).
  subroutine rank_one(a, b, w)
    real(8), intent(in) :: a(n), b(n)
    real(8), intent(out) :: w(n, n)
    integer :: i, j

!$omp parallel do collapse(2)
    do j = 1, n
      do i = 1, n
        w(i, j) = a(i) * b(j)
      end do
    end do
!$omp end parallel do
  end subroutine rank_one

  ! The same product without collapse: each j belongs to one thread, a(i) is read by all.
  subroutine rank_one_rows(a, b, w)
    real(8), intent(in) :: a(n), b(n)
    real(8), intent(out) :: w(n, n)
    integer :: i, j

!$omp parallel do private(i)
    do j = 1, n
      do i = 1, n
        w(i, j) = a(i) * b(j)
      end do
    end do
!$omp end parallel do
  end subroutine rank_one_rows

  ! Red-black Gauss-Seidel: the stride-2 inner loop starts at a parity set from j.
  subroutine red_black(u, f, colour)
    real(8), intent(inout) :: u(0:n+1, 0:n+1)
    real(8), intent(in) :: f(n, n)
    integer, intent(in) :: colour
    integer :: i, j, start

!$omp parallel do private(i, start)
    do j = 1, n
      start = 1 + mod(j + colour, 2)
      do i = start, n, 2
        u(i, j) = 0.25d0 * (u(i-1, j) + u(i+1, j) + u(i, j-1) + u(i, j+1) + h * h * f(i, j))
      end do
    end do
!$omp end parallel do
  end subroutine red_black

end module jacobi_module

program jacobi_main
  use jacobi_module
  implicit none
  real(8), allocatable :: u(:, :), unew(:, :), f(:, :)
  real(8) :: err
  integer :: it, i, j

  allocate(u(0:n+1, 0:n+1), unew(0:n+1, 0:n+1), f(n, n))
  u = 0.0d0
  unew = 0.0d0
!$omp parallel do collapse(2)
  do j = 1, n
    do i = 1, n
      f(i, j) = sin(3.14159d0 * i * h) * sin(3.14159d0 * j * h)
    end do
  end do
!$omp end parallel do
  do it = 1, 1000
    call sweep(u, unew, f, err)
    call copy_back(u, unew)
    if (err < 1.0d-8) exit
  end do
  print '(a, i5, es12.4)', 'iterations, error:', it, err
  deallocate(u, unew, f)
end program jacobi_main
