! CloverLeaf-style hydro kernels in one module: the split PARALLEL / DO form with the data
! sharing stated on the DO, as the mini-app writes it. Expected scopes: ideal_gas.expected.
module hydro_kernels_module
  implicit none
  integer, parameter :: dp = kind(1.0d0)
  real(kind=dp), parameter :: g_small = 1.0e-16_dp, g_big = 1.0e+21_dp
contains

  ! Equation of state on the cell centres: every array is indexed (j,k), k distributed.
  subroutine ideal_gas_kernel(x_min, x_max, y_min, y_max, density, energy, pressure, soundspeed)
    integer, intent(in) :: x_min, x_max, y_min, y_max
    real(kind=dp), dimension(x_min-2:x_max+2, y_min-2:y_max+2) :: density, energy, pressure, soundspeed
    integer :: j, k
    real(kind=dp) :: sound_speed_squared, v, pressurebyenergy, pressurebyvolume

!$OMP PARALLEL
!$OMP DO PRIVATE(v, pressurebyenergy, pressurebyvolume, sound_speed_squared)
    do k = y_min, y_max
      do j = x_min, x_max
        v = 1.0_dp / density(j, k)
        pressure(j, k) = (1.4_dp - 1.0_dp) * density(j, k) * energy(j, k)
        pressurebyenergy = (1.4_dp - 1.0_dp) * density(j, k)
        pressurebyvolume = -density(j, k) * pressure(j, k)
        sound_speed_squared = v * v * (pressure(j, k) * pressurebyenergy - pressurebyvolume)
        soundspeed(j, k) = sqrt(sound_speed_squared)
      end do
    end do
!$OMP END DO
!$OMP END PARALLEL
  end subroutine ideal_gas_kernel

  ! Artificial viscosity: reads of the neighbouring rows k-1, k+1 of the velocities.
  subroutine viscosity_kernel(x_min, x_max, y_min, y_max, celldx, celldy, density0, pressure, viscosity, xvel0, yvel0)
    integer, intent(in) :: x_min, x_max, y_min, y_max
    real(kind=dp), dimension(x_min-2:x_max+2) :: celldx
    real(kind=dp), dimension(y_min-2:y_max+2) :: celldy
    real(kind=dp), dimension(x_min-2:x_max+2, y_min-2:y_max+2) :: density0, pressure, viscosity
    real(kind=dp), dimension(x_min-2:x_max+3, y_min-2:y_max+3) :: xvel0, yvel0
    integer :: j, k
    real(kind=dp) :: ugrad, vgrad, grad2, pgradx, pgrady, pgradx2, pgrady2, grad, ygrad, xgrad, div, strain2, limiter

!$OMP PARALLEL
!$OMP DO PRIVATE(ugrad, vgrad, grad2, pgradx, pgrady, pgradx2, pgrady2, grad, ygrad, xgrad, div, strain2, limiter)
    do k = y_min, y_max
      do j = x_min, x_max
        ugrad = (xvel0(j+1, k) + xvel0(j+1, k+1)) - (xvel0(j, k) + xvel0(j, k+1))
        vgrad = (yvel0(j, k+1) + yvel0(j+1, k+1)) - (yvel0(j, k) + yvel0(j+1, k))
        div = (celldx(j) * ugrad) + (celldy(k) * vgrad)
        strain2 = 0.5_dp * (xvel0(j, k+1) - xvel0(j, k)) / celldy(k)
        pgradx = (pressure(j+1, k) - pressure(j-1, k)) / (celldx(j) + celldx(j+1))
        pgrady = (pressure(j, k+1) - pressure(j, k-1)) / (celldy(k) + celldy(k+1))
        pgradx2 = pgradx * pgradx
        pgrady2 = pgrady * pgrady
        limiter = ((0.5_dp * ugrad / celldx(j)) * pgradx2 + strain2 * pgradx * pgrady) / max(pgradx2 + pgrady2, g_small)
        if ((limiter > 0.0_dp) .or. (div >= 0.0_dp)) then
          viscosity(j, k) = 0.0_dp
        else
          pgradx = sign(max(g_small, abs(pgradx)), pgradx)
          pgrady = sign(max(g_small, abs(pgrady)), pgrady)
          pgradx2 = pgradx * pgradx + pgrady * pgrady
          xgrad = abs(celldx(j) * pgradx2 / pgradx)
          ygrad = abs(celldy(k) * pgradx2 / pgrady)
          grad = min(xgrad, ygrad)
          grad2 = grad * grad
          viscosity(j, k) = 2.0_dp * density0(j, k) * grad2 * limiter * limiter
        end if
      end do
    end do
!$OMP END DO
!$OMP END PARALLEL
  end subroutine viscosity_kernel

  ! Time-step revert: a pure copy, then the PdV predictor with the work done by the faces.
  subroutine revert_and_pdv(predict, x_min, x_max, y_min, y_max, dt, xarea, yarea, volume, density0, density1, &
                            energy0, energy1, pressure, viscosity, xvel0, xvel1, yvel0, yvel1, volume_change)
    logical, intent(in) :: predict
    integer, intent(in) :: x_min, x_max, y_min, y_max
    real(kind=dp), intent(in) :: dt
    real(kind=dp), dimension(x_min-2:x_max+3, y_min-2:y_max+2) :: xarea
    real(kind=dp), dimension(x_min-2:x_max+2, y_min-2:y_max+3) :: yarea
    real(kind=dp), dimension(x_min-2:x_max+2, y_min-2:y_max+2) :: volume, density0, density1, energy0, energy1
    real(kind=dp), dimension(x_min-2:x_max+2, y_min-2:y_max+2) :: pressure, viscosity, volume_change
    real(kind=dp), dimension(x_min-2:x_max+3, y_min-2:y_max+3) :: xvel0, xvel1, yvel0, yvel1
    integer :: j, k
    real(kind=dp) :: recip_volume, energy_change, right_flux, left_flux, top_flux, bottom_flux, total_flux

!$OMP PARALLEL
!$OMP DO
    do k = y_min, y_max
      do j = x_min, x_max
        density1(j, k) = density0(j, k)
        energy1(j, k) = energy0(j, k)
      end do
    end do
!$OMP END DO NOWAIT

!$OMP DO PRIVATE(right_flux, left_flux, top_flux, bottom_flux, total_flux)
    do k = y_min, y_max
      do j = x_min, x_max
        left_flux = (xarea(j, k) * (xvel0(j, k) + xvel0(j, k+1) + xvel1(j, k) + xvel1(j, k+1))) * 0.25_dp * dt
        right_flux = (xarea(j+1, k) * (xvel0(j+1, k) + xvel0(j+1, k+1) + xvel1(j+1, k) + xvel1(j+1, k+1))) * 0.25_dp * dt
        bottom_flux = (yarea(j, k) * (yvel0(j, k) + yvel0(j+1, k) + yvel1(j, k) + yvel1(j+1, k))) * 0.25_dp * dt
        top_flux = (yarea(j, k+1) * (yvel0(j, k+1) + yvel0(j+1, k+1) + yvel1(j, k+1) + yvel1(j+1, k+1))) * 0.25_dp * dt
        total_flux = right_flux - left_flux + top_flux - bottom_flux
        volume_change(j, k) = volume(j, k) / (volume(j, k) + total_flux)
      end do
    end do
!$OMP END DO

!$OMP DO PRIVATE(recip_volume, energy_change)
    do k = y_min, y_max
      do j = x_min, x_max
        recip_volume = 1.0_dp / volume(j, k)
        energy_change = (pressure(j, k) / density0(j, k) + viscosity(j, k) / density0(j, k)) &
                        * (1.0_dp - volume_change(j, k)) * volume(j, k) * recip_volume
        if (predict) then
          energy1(j, k) = energy0(j, k) - energy_change
        else
          energy1(j, k) = energy1(j, k) - 0.5_dp * energy_change
        end if
        density1(j, k) = density0(j, k) * volume_change(j, k)
      end do
    end do
!$OMP END DO
!$OMP END PARALLEL
  end subroutine revert_and_pdv

end module hydro_kernels_module
