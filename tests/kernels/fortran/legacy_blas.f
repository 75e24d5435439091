C     Fixed-form FORTRAN 77 style kernels with OpenMP: implicit typing, labelled DO loops
C     ending on CONTINUE, a COMMON block, C$OMP sentinels with continuation lines, and an
C     orphaned DO in a routine called from a parallel region. Expected scopes:
C     legacy_blas.expected.
      SUBROUTINE DAXPYP(N, DA, DX, DY)
      IMPLICIT DOUBLE PRECISION (A-H, O-Z)
      DIMENSION DX(N), DY(N)
C$OMP PARALLEL DO
      DO 10 I = 1, N
         DY(I) = DY(I) + DA*DX(I)
   10 CONTINUE
C$OMP END PARALLEL DO
      RETURN
      END

      DOUBLE PRECISION FUNCTION DDOTP(N, DX, DY)
      IMPLICIT DOUBLE PRECISION (A-H, O-Z)
      DIMENSION DX(N), DY(N)
      DTEMP = 0.0D0
C$OMP PARALLEL DO
C$OMP+REDUCTION(+:DTEMP)
      DO 20 I = 1, N
         DTEMP = DTEMP + DX(I)*DY(I)
   20 CONTINUE
      DDOTP = DTEMP
      RETURN
      END

C     A banded matrix-vector product: the band of row I is read through column J.
      SUBROUTINE DGBMVP(M, N, KL, KU, A, LDA, X, Y)
      IMPLICIT DOUBLE PRECISION (A-H, O-Z)
      DIMENSION A(LDA, N), X(N), Y(M)
      COMMON /BANDC/ ALPHA, BETA
C$OMP PARALLEL DO PRIVATE(J, K, TEMP)
      DO 40 I = 1, M
         TEMP = 0.0D0
         DO 30 J = MAX(1, I - KL), MIN(N, I + KU)
            K = KU + 1 + I - J
            TEMP = TEMP + A(K, J)*X(J)
   30    CONTINUE
         Y(I) = BETA*Y(I) + ALPHA*TEMP
   40 CONTINUE
      RETURN
      END

C     A scaled copy whose two loops end on the same labelled statement.
      SUBROUTINE DLASCP(M, N, ALPHA, A, LDA, B, LDB)
      IMPLICIT DOUBLE PRECISION (A-H, O-Z)
      DIMENSION A(LDA, N), B(LDB, N)
C$OMP PARALLEL DO PRIVATE(I)
      DO 60 J = 1, N
      DO 60 I = 1, M
         B(I, J) = ALPHA*A(I, J)
   60 CONTINUE
      RETURN
      END

C     Called from inside a parallel region: the DO binds to the caller's threads, and the
C     local WORK lives on each thread's stack.
      SUBROUTINE SMOOTH(N, U, V)
      IMPLICIT NONE
      INTEGER N, I
      DOUBLE PRECISION U(N), V(N), WORK
C$OMP DO
      DO 50 I = 2, N - 1
         WORK = 0.5D0*U(I) + 0.25D0*(U(I-1) + U(I+1))
         V(I) = WORK
   50 CONTINUE
C$OMP END DO
      RETURN
      END

      SUBROUTINE DRIVER(N, U, V)
      INTEGER N
      DOUBLE PRECISION U(N), V(N)
C$OMP PARALLEL SHARED(N, U, V)
      CALL SMOOTH(N, U, V)
C$OMP END PARALLEL
      RETURN
      END
