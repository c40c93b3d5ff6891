// Optional MPI: when coachsim was built with MPI and started by mpirun, a sweep is split across
// processes (rank k runs the replications with index % size == k) and rank 0 gathers the
// per-replication rows. Without MPI (or without mpirun) this is one process of rank 0. mpi.h
// stays in cluster.cpp.
#pragma once

#include <cstdint>
#include <vector>

#include "coachsim/sweep/sweep.hpp"

namespace coachsim::sweep {

// Starts MPI when this process was launched by an MPI launcher; stops it when destroyed.
class Cluster {
 public:
  Cluster();
  ~Cluster();
  Cluster(const Cluster&) = delete;
  Cluster& operator=(const Cluster&) = delete;

  int rank() const { return rank_; }
  int size() const { return size_; }
  bool root() const { return rank_ == 0; }

  // True on every rank when `local_failed` is true on any rank.
  bool any(bool local_failed) const;
  // Rank 0 receives every rank's rows, placed in replication order (total rows). Other ranks
  // get their own set back unchanged. Layouts must agree (checked by width).
  ReplicationSet gather(ReplicationSet local, std::uint64_t total) const;

  static bool built_with_mpi();

 private:
  int rank_ = 0, size_ = 1;
  bool started_ = false;
};

}  // namespace coachsim::sweep
