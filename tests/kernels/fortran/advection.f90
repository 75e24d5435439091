! CloverLeaf-style cell advection: donor and upwind cells chosen in a branch, so the first
! subscript of pre_vol(donor,k) changes with the flux sign while the second stays k.
! Expected scopes: advection.expected.
module advection_module
  implicit none
  integer, parameter :: g_xdir = 1, g_ydir = 2
contains

  subroutine advec_cell_x(x_min, x_max, y_min, y_max, dir, vol_flux_x, pre_vol, post_vol, density1, energy1, &
                          mass_flux_x, ener_flux, vertexdx)
    integer, intent(in) :: x_min, x_max, y_min, y_max, dir
    real(8), dimension(x_min-2:x_max+3, y_min-2:y_max+2) :: vol_flux_x, mass_flux_x, ener_flux
    real(8), dimension(x_min-2:x_max+2, y_min-2:y_max+2) :: pre_vol, post_vol, density1, energy1
    real(8), dimension(x_min-2:x_max+3) :: vertexdx
    integer :: j, k, upwind, donor, downwind, dif
    real(8) :: sigmat, sigma3, sigma4, sigmav, sigmam, diffuw, diffdw, limiter, wind, one_by_six
    real(8) :: pre_mass_s, post_mass_s, post_ener_s, advec_vol_s

    one_by_six = 1.0d0 / 6.0d0

    if (dir == g_xdir) then
!$OMP PARALLEL
!$OMP DO
      do k = y_min - 2, y_max + 2
        do j = x_min - 2, x_max + 2
          pre_vol(j, k) = post_vol(j, k) + vol_flux_x(j+1, k) - vol_flux_x(j, k)
        end do
      end do
!$OMP END DO

!$OMP DO PRIVATE(upwind, donor, downwind, dif, sigmat, sigma3, sigma4, sigmav, sigmam, diffuw, diffdw, &
!$OMP            limiter, wind)
      do k = y_min, y_max
        do j = x_min, x_max + 2
          if (vol_flux_x(j, k) > 0.0) then
            upwind = j - 2
            donor = j - 1
            downwind = j
            dif = donor
          else
            upwind = min(j + 1, x_max + 2)
            donor = j
            downwind = j - 1
            dif = upwind
          end if
          sigmat = abs(vol_flux_x(j, k)) / pre_vol(donor, k)
          sigma3 = (1.0d0 + sigmat) * (vertexdx(j) / vertexdx(dif))
          sigma4 = 2.0d0 - sigmat
          sigmav = sigmat
          diffuw = density1(donor, k) - density1(upwind, k)
          diffdw = density1(downwind, k) - density1(donor, k)
          wind = 1.0d0
          if (diffdw <= 0.0d0) wind = -1.0d0
          if (diffuw * diffdw > 0.0) then
            limiter = (1.0d0 - sigmav) * wind * min(abs(diffuw), abs(diffdw), &
                      one_by_six * (sigma3 * abs(diffuw) + sigma4 * abs(diffdw)))
          else
            limiter = 0.0d0
          end if
          mass_flux_x(j, k) = vol_flux_x(j, k) * (density1(donor, k) + limiter)
          sigmam = abs(mass_flux_x(j, k)) / (density1(donor, k) * pre_vol(donor, k))
          diffuw = energy1(donor, k) - energy1(upwind, k)
          diffdw = energy1(downwind, k) - energy1(donor, k)
          wind = 1.0d0
          if (diffdw <= 0.0d0) wind = -1.0d0
          if (diffuw * diffdw > 0.0) then
            limiter = (1.0d0 - sigmam) * wind * min(abs(diffuw), abs(diffdw), &
                      one_by_six * (sigma3 * abs(diffuw) + sigma4 * abs(diffdw)))
          else
            limiter = 0.0d0
          end if
          ener_flux(j, k) = mass_flux_x(j, k) * (energy1(donor, k) + limiter)
        end do
      end do
!$OMP END DO

!$OMP DO PRIVATE(pre_mass_s, post_mass_s, post_ener_s, advec_vol_s)
      do k = y_min, y_max
        do j = x_min, x_max
          pre_mass_s = density1(j, k) * pre_vol(j, k)
          post_mass_s = pre_mass_s + mass_flux_x(j, k) - mass_flux_x(j+1, k)
          post_ener_s = (energy1(j, k) * pre_mass_s + ener_flux(j, k) - ener_flux(j+1, k)) / post_mass_s
          advec_vol_s = pre_vol(j, k) + vol_flux_x(j, k) - vol_flux_x(j+1, k)
          density1(j, k) = post_mass_s / advec_vol_s
          energy1(j, k) = post_ener_s
        end do
      end do
!$OMP END DO
!$OMP END PARALLEL
    end if
  end subroutine advec_cell_x

  ! Momentum advection, node-centred: the node mass from four cells, a combined PARALLEL DO
  ! with the private list, and the velocity update matched by its own writes.
  subroutine advec_mom_x(x_min, x_max, y_min, y_max, vel1, mass_flux_x, density1, post_vol, node_flux, &
                         node_mass_post, node_mass_pre, mom_flux)
    integer, intent(in) :: x_min, x_max, y_min, y_max
    real(8), dimension(x_min-2:x_max+3, y_min-2:y_max+3) :: vel1, node_flux, node_mass_post, node_mass_pre, mom_flux
    real(8), dimension(x_min-2:x_max+3, y_min-2:y_max+2) :: mass_flux_x
    real(8), dimension(x_min-2:x_max+2, y_min-2:y_max+2) :: density1, post_vol
    integer :: j, k

!$OMP PARALLEL DO PRIVATE(j)
    do k = y_min, y_max + 1
      do j = x_min - 2, x_max + 2
        node_flux(j, k) = 0.25d0 * (mass_flux_x(j, k-1) + mass_flux_x(j, k) + mass_flux_x(j+1, k-1) + mass_flux_x(j+1, k))
      end do
    end do
!$OMP END PARALLEL DO

!$OMP PARALLEL DO PRIVATE(j)
    do k = y_min, y_max + 1
      do j = x_min - 1, x_max + 2
        node_mass_post(j, k) = 0.25d0 * (density1(j, k-1) * post_vol(j, k-1) + density1(j, k) * post_vol(j, k) &
                                         + density1(j-1, k-1) * post_vol(j-1, k-1) + density1(j-1, k) * post_vol(j-1, k))
        node_mass_pre(j, k) = node_mass_post(j, k) - node_flux(j-1, k) + node_flux(j, k)
      end do
    end do
!$OMP END PARALLEL DO

!$OMP PARALLEL DO
    do k = y_min, y_max + 1
      do j = x_min, x_max + 1
        vel1(j, k) = (vel1(j, k) * node_mass_pre(j, k) + mom_flux(j-1, k) - mom_flux(j, k)) / node_mass_post(j, k)
      end do
    end do
!$OMP END PARALLEL DO
  end subroutine advec_mom_x

end module advection_module
