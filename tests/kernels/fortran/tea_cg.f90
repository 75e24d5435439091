! TeaLeaf-style conjugate-gradient kernels on a chunk held in a derived type: one PARALLEL
! region per kernel with its DO loops, reductions into module scalars, components as arrays
! (chunk%u(j,k)) and as loop bounds (chunk%x_min). Expected scopes: tea_cg.expected.
module tea_cg_module
  implicit none

  type field_type
    real(8), allocatable :: u(:, :), u0(:, :), p(:, :), r(:, :), w(:, :), kx(:, :), ky(:, :)
    integer :: x_min, x_max, y_min, y_max
  end type field_type

  real(8) :: rro_global
contains

  subroutine cg_init(chunk, rx, ry, rro)
    type(field_type), intent(inout) :: chunk
    real(8), intent(in) :: rx, ry
    real(8), intent(out) :: rro
    integer :: j, k
    real(8) :: smvp

    rro = 0.0d0
!$OMP PARALLEL PRIVATE(smvp)
!$OMP DO
    do k = chunk%y_min, chunk%y_max
      do j = chunk%x_min, chunk%x_max
        smvp = (1.0d0 + ry * (chunk%ky(j, k+1) + chunk%ky(j, k)) + rx * (chunk%kx(j+1, k) + chunk%kx(j, k))) &
               * chunk%u(j, k) - ry * (chunk%ky(j, k+1) * chunk%u(j, k+1) + chunk%ky(j, k) * chunk%u(j, k-1)) &
               - rx * (chunk%kx(j+1, k) * chunk%u(j+1, k) + chunk%kx(j, k) * chunk%u(j-1, k))
        chunk%w(j, k) = smvp
        chunk%r(j, k) = chunk%u0(j, k) - chunk%w(j, k)
        chunk%p(j, k) = chunk%r(j, k)
      end do
    end do
!$OMP END DO

!$OMP DO REDUCTION(+:rro)
    do k = chunk%y_min, chunk%y_max
      do j = chunk%x_min, chunk%x_max
        rro = rro + chunk%r(j, k) * chunk%p(j, k)
      end do
    end do
!$OMP END DO
!$OMP END PARALLEL
  end subroutine cg_init

  subroutine cg_calc_w(chunk, rx, ry, pw)
    type(field_type), intent(inout) :: chunk
    real(8), intent(in) :: rx, ry
    real(8), intent(out) :: pw
    integer :: j, k

    pw = 0.0d0
!$OMP PARALLEL
!$OMP DO REDUCTION(+:pw)
    do k = chunk%y_min, chunk%y_max
      do j = chunk%x_min, chunk%x_max
        chunk%w(j, k) = (1.0d0 + ry * (chunk%ky(j, k+1) + chunk%ky(j, k)) + rx * (chunk%kx(j+1, k) + chunk%kx(j, k))) &
                        * chunk%p(j, k) - ry * (chunk%ky(j, k+1) * chunk%p(j, k+1) + chunk%ky(j, k) * chunk%p(j, k-1)) &
                        - rx * (chunk%kx(j+1, k) * chunk%p(j+1, k) + chunk%kx(j, k) * chunk%p(j-1, k))
        pw = pw + chunk%w(j, k) * chunk%p(j, k)
      end do
    end do
!$OMP END DO
!$OMP END PARALLEL
  end subroutine cg_calc_w

  ! u += alpha p, r -= alpha w, and the new residual norm in the same loop.
  subroutine cg_calc_ur(chunk, alpha, rrn)
    type(field_type), intent(inout) :: chunk
    real(8), intent(in) :: alpha
    real(8), intent(out) :: rrn
    integer :: j, k

    rrn = 0.0d0
!$OMP PARALLEL
!$OMP DO REDUCTION(+:rrn)
    do k = chunk%y_min, chunk%y_max
      do j = chunk%x_min, chunk%x_max
        chunk%u(j, k) = chunk%u(j, k) + alpha * chunk%p(j, k)
        chunk%r(j, k) = chunk%r(j, k) - alpha * chunk%w(j, k)
        rrn = rrn + chunk%r(j, k) * chunk%r(j, k)
      end do
    end do
!$OMP END DO
!$OMP END PARALLEL
  end subroutine cg_calc_ur

  subroutine cg_calc_p(chunk, beta)
    type(field_type), intent(inout) :: chunk
    real(8), intent(in) :: beta
    integer :: j, k

!$OMP PARALLEL
!$OMP DO
    do k = chunk%y_min, chunk%y_max
      do j = chunk%x_min, chunk%x_max
        chunk%p(j, k) = beta * chunk%p(j, k) + chunk%r(j, k)
      end do
    end do
!$OMP END DO
!$OMP END PARALLEL
  end subroutine cg_calc_p

  ! The global residual into a module variable; the region's reduction covers its DO.
  subroutine cg_residual_norm(chunk)
    type(field_type), intent(in) :: chunk
    integer :: j, k

    rro_global = 0.0d0
!$OMP PARALLEL REDUCTION(+:rro_global)
!$OMP DO
    do k = chunk%y_min, chunk%y_max
      do j = chunk%x_min, chunk%x_max
        rro_global = rro_global + chunk%r(j, k) ** 2
      end do
    end do
!$OMP END DO
!$OMP END PARALLEL
  end subroutine cg_residual_norm

end module tea_cg_module
