! LULESH-style element and node loops translated to Fortran: elements read their eight nodes
! through nodelist, node forces are gathered per node or scattered with atomics, and the
! Courant constraint is a min reduction. Expected scopes: lulesh.expected.
module lulesh_module
  implicit none
contains

  ! Element volumes from the node coordinates: indirect reads, one write per element.
  subroutine calc_elem_volume(numelem, numnode, nodelist, x, y, z, volo, vnew)
    integer, intent(in) :: numelem, numnode
    integer, intent(in) :: nodelist(8, numelem)
    real(8), intent(in) :: x(numnode), y(numnode), z(numnode), volo(numelem)
    real(8), intent(out) :: vnew(numelem)
    integer :: k, n
    real(8) :: xsum, ysum, zsum, dvol

!$omp parallel do private(n, xsum, ysum, zsum, dvol)
    do k = 1, numelem
      xsum = 0.0d0
      ysum = 0.0d0
      zsum = 0.0d0
      do n = 1, 8
        xsum = xsum + x(nodelist(n, k))
        ysum = ysum + y(nodelist(n, k))
        zsum = zsum + z(nodelist(n, k))
      end do
      dvol = (xsum * ysum * zsum) / 512.0d0
      vnew(k) = dvol / volo(k)
    end do
!$omp end parallel do
  end subroutine calc_elem_volume

  ! Scatter of element forces to nodes: several elements share a node.
  subroutine scatter_forces(numelem, numnode, nodelist, fx_elem, fx)
    integer, intent(in) :: numelem, numnode
    integer, intent(in) :: nodelist(8, numelem)
    real(8), intent(in) :: fx_elem(8, numelem)
    real(8), intent(inout) :: fx(numnode)
    integer :: k, n

!$omp parallel do private(n)
    do k = 1, numelem
      do n = 1, 8
!$omp atomic update
        fx(nodelist(n, k)) = fx(nodelist(n, k)) + fx_elem(n, k)
      end do
    end do
!$omp end parallel do
  end subroutine scatter_forces

  ! Gather of the same forces per node through the node-to-element map: no write collides.
  subroutine gather_forces(numnode, numcorner, node_elem_start, node_elem_corner, fx_corner, fx)
    integer, intent(in) :: numnode, numcorner
    integer, intent(in) :: node_elem_start(numnode+1), node_elem_corner(numcorner)
    real(8), intent(in) :: fx_corner(numcorner)
    real(8), intent(out) :: fx(numnode)
    integer :: g, c
    real(8) :: f

!$omp parallel do private(c, f)
    do g = 1, numnode
      f = 0.0d0
      do c = node_elem_start(g), node_elem_start(g+1) - 1
        f = f + fx_corner(node_elem_corner(c))
      end do
      fx(g) = f
    end do
!$omp end parallel do
  end subroutine gather_forces

  ! Node update: acceleration from force and mass, velocity cut off below u_cut.
  subroutine calc_velocity(numnode, dt, u_cut, fx, nodal_mass, xd, x)
    integer, intent(in) :: numnode
    real(8), intent(in) :: dt, u_cut
    real(8), intent(in) :: fx(numnode), nodal_mass(numnode)
    real(8), intent(inout) :: xd(numnode), x(numnode)
    integer :: i
    real(8) :: xdtmp

!$omp parallel do private(xdtmp) firstprivate(dt)
    do i = 1, numnode
      xdtmp = xd(i) + fx(i) / nodal_mass(i) * dt
      if (abs(xdtmp) < u_cut) xdtmp = 0.0d0
      xd(i) = xdtmp
      x(i) = x(i) + xd(i) * dt
    end do
!$omp end parallel do
  end subroutine calc_velocity

  ! Courant constraint over a region's element list: the smallest time step, skipping
  ! elements without compression.
  subroutine courant_constraint(length, regelemlist, ss, vdov, arealg, qqc, dtcourant)
    integer, intent(in) :: length
    integer, intent(in) :: regelemlist(length)
    real(8), intent(in) :: ss(:), vdov(:), arealg(:)
    real(8), intent(in) :: qqc
    real(8), intent(inout) :: dtcourant
    integer :: i, indx
    real(8) :: dtf, qqc2

    qqc2 = 64.0d0 * qqc * qqc
!$omp parallel do private(indx, dtf) reduction(min: dtcourant)
    do i = 1, length
      indx = regelemlist(i)
      if (vdov(indx) == 0.0d0) cycle
      dtf = ss(indx) ** 2
      if (vdov(indx) < 0.0d0) dtf = dtf + qqc2 * arealg(indx) ** 2 * vdov(indx) ** 2
      dtf = arealg(indx) / sqrt(dtf)
      dtcourant = min(dtcourant, dtf)
    end do
!$omp end parallel do
  end subroutine courant_constraint

  ! Energy update with a floor: expanding elements (vdov > 0) keep their energy; vdov and
  ! the neighbour's compression are only compared, so their adjoints get nothing here.
  subroutine calc_energy(length, e_old, delvc, p_old, q_old, vdov, emin, e_new)
    integer, intent(in) :: length
    real(8), intent(in) :: e_old(length), delvc(length), p_old(length), q_old(length), vdov(0:length+1)
    real(8), intent(in) :: emin
    real(8), intent(out) :: e_new(length)
    integer :: i

!$omp parallel do
    do i = 1, length
      e_new(i) = e_old(i) - 0.5d0 * delvc(i) * (p_old(i) + q_old(i))
      if (vdov(i) > 0.0d0 .and. vdov(i+1) >= vdov(i-1)) e_new(i) = e_old(i)
      if (e_new(i) < emin) e_new(i) = emin
    end do
!$omp end parallel do
  end subroutine calc_energy

end module lulesh_module
