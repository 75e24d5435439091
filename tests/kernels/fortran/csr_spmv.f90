! Sparse kernels in compressed sparse row form: the row loop gathers x through col_idx (an
! index array), the transposed product scatters with atomics, and a Jacobi sweep needs the
! diagonal and a max-norm of the update. Expected scopes: csr_spmv.expected.
module csr_module
  implicit none
  type csr_matrix
    integer :: n, nnz
    integer, allocatable :: row_ptr(:), col_idx(:)
    real(8), allocatable :: val(:)
  end type csr_matrix
contains

  subroutine spmv(a, x, y)
    type(csr_matrix), intent(in) :: a
    real(8), intent(in) :: x(:)
    real(8), intent(out) :: y(:)
    integer :: i, jj
    real(8) :: s

!$omp parallel do private(jj, s) schedule(dynamic, 64)
    do i = 1, a%n
      s = 0.0d0
      do jj = a%row_ptr(i), a%row_ptr(i+1) - 1
        s = s + a%val(jj) * x(a%col_idx(jj))
      end do
      y(i) = s
    end do
!$omp end parallel do
  end subroutine spmv

  ! y = A^T x: rows scatter into y(col), several rows may hit the same column.
  subroutine spmv_transpose(a, x, y)
    type(csr_matrix), intent(in) :: a
    real(8), intent(in) :: x(:)
    real(8), intent(inout) :: y(:)
    integer :: i, jj

!$omp parallel do private(jj)
    do i = 1, a%n
      do jj = a%row_ptr(i), a%row_ptr(i+1) - 1
!$omp atomic
        y(a%col_idx(jj)) = y(a%col_idx(jj)) + a%val(jj) * x(i)
      end do
    end do
!$omp end parallel do
  end subroutine spmv_transpose

  ! One Jacobi sweep on the CSR matrix: the diagonal entry is found by a search, and the
  ! largest change is a max reduction.
  subroutine jacobi_sweep(a, b, x, xnew, change)
    type(csr_matrix), intent(in) :: a
    real(8), intent(in) :: b(:), x(:)
    real(8), intent(out) :: xnew(:)
    real(8), intent(out) :: change
    integer :: i, jj
    real(8) :: diag, off

    change = 0.0d0
!$omp parallel do private(jj, diag, off) reduction(max: change)
    do i = 1, a%n
      diag = 1.0d0
      off = 0.0d0
      do jj = a%row_ptr(i), a%row_ptr(i+1) - 1
        if (a%col_idx(jj) == i) then
          diag = a%val(jj)
        else
          off = off + a%val(jj) * x(a%col_idx(jj))
        end if
      end do
      xnew(i) = (b(i) - off) / diag
      change = max(change, abs(xnew(i) - x(i)))
    end do
!$omp end parallel do
  end subroutine jacobi_sweep

  ! Residual norm and the smallest diagonal in one pass; the row of the last nonzero residual
  ! leaves the loop through lastprivate.
  subroutine residual_stats(a, b, x, r, rnorm, dmin, last_row)
    type(csr_matrix), intent(in) :: a
    real(8), intent(in) :: b(:), x(:)
    real(8), intent(out) :: r(:)
    real(8), intent(out) :: rnorm, dmin
    integer, intent(out) :: last_row
    integer :: i, jj
    real(8) :: ax

    rnorm = 0.0d0
    dmin = huge(1.0d0)
!$omp parallel do private(jj, ax) lastprivate(last_row) reduction(+: rnorm) reduction(min: dmin)
    do i = 1, a%n
      ax = 0.0d0
      do jj = a%row_ptr(i), a%row_ptr(i+1) - 1
        ax = ax + a%val(jj) * x(a%col_idx(jj))
        if (a%col_idx(jj) == i) dmin = min(dmin, a%val(jj))
      end do
      r(i) = b(i) - ax
      rnorm = rnorm + r(i) * r(i)
      last_row = i
    end do
!$omp end parallel do
    rnorm = sqrt(rnorm)
  end subroutine residual_stats

end module csr_module
