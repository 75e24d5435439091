// The mpirun command line: extra arguments go before the programs, and in spawn mode a BTL
// selection that would cut the driver off from its spawned workers gets tcp (Open MPI's
// shared-memory BTL reaches processes of its own job only; MpiLauncher.cpp).
#include <gtest/gtest.h>

#include "dist/MpiLauncher.h"

namespace lomaw::dist::test {
namespace {

using Args = std::vector<std::string>;

TEST(LaunchArguments, SpawnModeKeepsTcpInTheBtlSelection) {
    EXPECT_EQ(spawnCompatibleArgs({"--mca", "btl", "self,vader"}), (Args{"--mca", "btl", "self,vader,tcp"}));
    EXPECT_EQ(spawnCompatibleArgs({"-mca", "btl", "tcp,self"}), (Args{"-mca", "btl", "tcp,self"}));
    EXPECT_EQ(spawnCompatibleArgs({"--mca", "btl", "^tcp,openib", "--bind-to", "none"}),
              (Args{"--mca", "btl", "^openib", "--bind-to", "none"}));
    // Excluding only tcp: nothing left to exclude, so the selection is dropped.
    EXPECT_EQ(spawnCompatibleArgs({"--mca", "btl", "^tcp", "-v"}), (Args{"-v"}));
    // Other parameters, and a dangling --mca, are left alone.
    EXPECT_EQ(spawnCompatibleArgs({"--mca", "btl_tcp_if_include", "lo", "--mca", "btl"}),
              (Args{"--mca", "btl_tcp_if_include", "lo", "--mca", "btl"}));
}

TEST(LaunchArguments, ExtraArgumentsGoBeforeThePrograms) {
    LaunchSpec spec;
    spec.mpirun = "mpirun";
    spec.driver = "D";
    spec.worker = "W";
    spec.workers = 3;
    spec.inputPath = "in";
    spec.outputPath = "out";
    spec.extraArgs = {"--mca", "btl", "self,vader"};
    EXPECT_EQ(mpirunCommand(spec), (Args{"mpirun", "--oversubscribe", "--mca", "btl", "self,vader,tcp", "-np", "1", "D",
                                         "spawn", "W", "3", "in", "out"}));
    // One world in SPMD mode: shared memory reaches every rank, the selection stays as given.
    spec.mode = LaunchMode::Spmd;
    EXPECT_EQ(mpirunCommand(spec), (Args{"mpirun", "--oversubscribe", "--mca", "btl", "self,vader", "-np", "1", "D",
                                         "spmd", "W", "3", "in", "out", ":", "-np", "3", "W"}));
}

}  // namespace
}  // namespace lomaw::dist::test
