! CloverLeaf/TeaLeaf-style diagnostics and set-up loops with the less common clauses: reductions
! of several operators on one loop, firstprivate, lastprivate, schedule, if, num_threads,
! default(none) on the region, DO SIMD and NOWAIT. Expected scopes: field_summary.expected.
module summary_module
  implicit none
contains

  subroutine field_summary_kernel(x_min, x_max, y_min, y_max, volume, density0, energy0, pressure, xvel0, &
                                  vol, mass, ie, ke, press, dmax)
    integer, intent(in) :: x_min, x_max, y_min, y_max
    real(8), dimension(x_min-2:x_max+2, y_min-2:y_max+2), intent(in) :: volume, density0, energy0, pressure
    real(8), dimension(x_min-2:x_max+3, y_min-2:y_max+3), intent(in) :: xvel0
    real(8), intent(out) :: vol, mass, ie, ke, press, dmax
    integer :: j, k, jv, kv
    real(8) :: vsqrd, cell_vol, cell_mass

    vol = 0.0; mass = 0.0; ie = 0.0; ke = 0.0; press = 0.0
    dmax = 0.0
!$OMP PARALLEL DEFAULT(NONE) SHARED(x_min, x_max, y_min, y_max, volume, density0, energy0, pressure, xvel0) &
!$OMP   PRIVATE(j, jv, kv, vsqrd, cell_vol, cell_mass) REDUCTION(+ : vol, mass, press, ie, ke) REDUCTION(MAX : dmax)
!$OMP DO
    do k = y_min, y_max
      do j = x_min, x_max
        vsqrd = 0.0
        do kv = k, k + 1
          do jv = j, j + 1
            vsqrd = vsqrd + 0.25 * xvel0(jv, kv) ** 2
          end do
        end do
        cell_vol = volume(j, k)
        cell_mass = cell_vol * density0(j, k)
        vol = vol + cell_vol
        mass = mass + cell_mass
        ie = ie + cell_mass * energy0(j, k)
        ke = ke + cell_mass * 0.5 * vsqrd
        press = press + cell_vol * pressure(j, k)
        dmax = max(dmax, density0(j, k))
      end do
    end do
!$OMP END DO
!$OMP END PARALLEL
  end subroutine field_summary_kernel

  ! Chunk set-up: a state's energy is copied in where the cell lies inside it; the loop runs
  ! threaded only for large meshes.
  subroutine generate_chunk(x_min, x_max, y_min, y_max, nthreads, cellx, celly, xmin_state, xmax_state, &
                            energy_state, energy0, density0)
    integer, intent(in) :: x_min, x_max, y_min, y_max, nthreads
    real(8), intent(in) :: cellx(x_min-2:x_max+2), celly(y_min-2:y_max+2)
    real(8), intent(in) :: xmin_state, xmax_state, energy_state
    real(8), dimension(x_min-2:x_max+2, y_min-2:y_max+2) :: energy0, density0
    integer :: j, k
    real(8) :: scale

    scale = 1.0d0
!$OMP PARALLEL DO PRIVATE(j) FIRSTPRIVATE(scale) SCHEDULE(guided) IF((x_max - x_min) * (y_max - y_min) > 10000) &
!$OMP NUM_THREADS(nthreads)
    do k = y_min - 2, y_max + 2
      do j = x_min - 2, x_max + 2
        if (cellx(j) >= xmin_state .and. cellx(j) < xmax_state .and. celly(k) >= 0.0d0) then
          energy0(j, k) = scale * energy_state
          density0(j, k) = scale * density0(j, k)
        end if
      end do
    end do
!$OMP END PARALLEL DO
  end subroutine generate_chunk

  ! Vertex coordinates with DO SIMD, a NOWAIT loop, and the last cell width copied out.
  subroutine initialise_mesh(x_min, x_max, xmin, dx, vertexx, vertexdx, cellx, last_width)
    integer, intent(in) :: x_min, x_max
    real(8), intent(in) :: xmin, dx
    real(8), dimension(x_min-2:x_max+3), intent(out) :: vertexx, vertexdx
    real(8), dimension(x_min-2:x_max+2), intent(out) :: cellx
    real(8), intent(out) :: last_width
    integer :: j
    real(8) :: width

!$OMP PARALLEL
!$OMP DO SIMD
    do j = x_min - 2, x_max + 3
      vertexx(j) = xmin + dx * real(j - x_min, 8)
      vertexdx(j) = dx
    end do
!$OMP END DO SIMD NOWAIT
!$OMP DO LASTPRIVATE(width)
    do j = x_min - 2, x_max + 2
      width = dx * (1.0d0 + 0.001d0 * real(j, 8))
      cellx(j) = xmin + dx * real(j - x_min, 8) + 0.5d0 * width
    end do
!$OMP END DO
!$OMP END PARALLEL
    last_width = width
  end subroutine initialise_mesh

end module summary_module
