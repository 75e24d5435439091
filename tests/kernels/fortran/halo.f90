! CloverLeaf/TeaLeaf-style halo updates and MPI buffer packing: reflective boundaries read the
! mirror image of the cells they write; the packing loops compute a buffer index from the
! loop variables. Expected scopes: halo.expected.
module halo_module
  implicit none
  integer, parameter :: chunk_left = 1, chunk_right = 2, chunk_bottom = 3, chunk_top = 4
  integer, parameter :: external_face = -1
contains

  subroutine update_halo_field(x_min, x_max, y_min, y_max, chunk_neighbours, depth, field)
    integer, intent(in) :: x_min, x_max, y_min, y_max, depth
    integer, dimension(4), intent(in) :: chunk_neighbours
    real(8), dimension(x_min-2:x_max+2, y_min-2:y_max+2) :: field
    integer :: j, k

!$OMP PARALLEL PRIVATE(j, k)
    if (chunk_neighbours(chunk_bottom) == external_face) then
!$OMP DO
      do j = x_min - depth, x_max + depth
        do k = 1, depth
          field(j, 1-k) = field(j, 0+k)
        end do
      end do
!$OMP END DO
    end if
    if (chunk_neighbours(chunk_top) == external_face) then
!$OMP DO
      do j = x_min - depth, x_max + depth
        do k = 1, depth
          field(j, y_max+k) = field(j, y_max+1-k)
        end do
      end do
!$OMP END DO
    end if
    if (chunk_neighbours(chunk_left) == external_face) then
!$OMP DO
      do k = y_min - depth, y_max + depth
        do j = 1, depth
          field(1-j, k) = field(0+j, k)
        end do
      end do
!$OMP END DO
    end if
!$OMP END PARALLEL
  end subroutine update_halo_field

  ! Velocities are reflected with a sign change at the faces that cut them.
  subroutine update_halo_velocity(x_min, x_max, y_max, depth, at_bottom, xvel)
    integer, intent(in) :: x_min, x_max, y_max, depth
    logical, intent(in) :: at_bottom
    real(8), dimension(x_min-2:x_max+3, -1:y_max+3) :: xvel
    integer :: j, k

    if (at_bottom) then
!$OMP PARALLEL DO PRIVATE(k) SCHEDULE(static)
      do j = x_min - depth, x_max + 1 + depth
        do k = 1, depth
          xvel(j, 1-k) = -xvel(j, 1+k)
        end do
      end do
!$OMP END PARALLEL DO
    end if
  end subroutine update_halo_velocity

  ! Packing for the left neighbour: the buffer index is an affine function of j and k set once
  ! per iteration, so each iteration owns its slots.
  subroutine pack_left(x_min, x_max, y_min, y_max, depth, field, left_snd_buffer, buffer_offset)
    integer, intent(in) :: x_min, x_max, y_min, y_max, depth, buffer_offset
    real(8), dimension(x_min-2:x_max+2, y_min-2:y_max+2) :: field
    real(8) :: left_snd_buffer(:)
    integer :: j, k, index

!$OMP PARALLEL DO PRIVATE(index)
    do k = y_min - depth, y_max + depth
      do j = 1, depth
        index = buffer_offset + j + (k + depth - 1) * depth
        left_snd_buffer(index) = field(x_min+j-1, k)
      end do
    end do
!$OMP END PARALLEL DO
  end subroutine pack_left

  subroutine unpack_left(x_min, x_max, y_min, y_max, depth, field, left_rcv_buffer, buffer_offset)
    integer, intent(in) :: x_min, x_max, y_min, y_max, depth, buffer_offset
    real(8), dimension(x_min-2:x_max+2, y_min-2:y_max+2) :: field
    real(8) :: left_rcv_buffer(:)
    integer :: j, k, index

!$OMP PARALLEL DO PRIVATE(index)
    do k = y_min - depth, y_max + depth
      do j = 1, depth
        index = buffer_offset + j + (k + depth - 1) * depth
        field(x_min-j, k) = left_rcv_buffer(index)
      end do
    end do
!$OMP END PARALLEL DO
  end subroutine unpack_left

  ! Packing in the other direction with a computed row start: the index is set inside a
  ! branch (two layouts), so it proves nothing about the buffer.
  subroutine pack_bottom(x_min, x_max, y_min, y_max, depth, transposed, field, bottom_snd_buffer)
    integer, intent(in) :: x_min, x_max, y_min, y_max, depth
    logical, intent(in) :: transposed
    real(8), dimension(x_min-2:x_max+2, y_min-2:y_max+2) :: field
    real(8) :: bottom_snd_buffer(:)
    integer :: j, k, index

!$OMP PARALLEL DO PRIVATE(index, j)
    do k = 1, depth
      do j = x_min - depth, x_max + depth
        if (transposed) then
          index = k + (j + depth - x_min) * depth
        else
          index = j + depth - x_min + 1 + (k - 1) * (x_max + 2 * depth - x_min + 1)
        end if
        bottom_snd_buffer(index) = field(j, y_min+k-1)
      end do
    end do
!$OMP END PARALLEL DO
  end subroutine pack_bottom

end module halo_module
