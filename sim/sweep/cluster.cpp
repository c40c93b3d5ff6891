// MPI glue, compiled with MPI only when the build found it (COACHSIM_WITH_MPI). MPI is started
// only when a launcher set its environment, so a plain `coachsim sweep` never pays for (or
// depends on) an MPI runtime.
#include "coachsim/sweep/cluster.hpp"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

#ifdef COACHSIM_WITH_MPI
// The C API only: linking is against MPI::MPI_C, without the deprecated C++ bindings.
#define OMPI_SKIP_MPICXX 1
#define MPICH_SKIP_MPICXX 1
#include <mpi.h>
#endif

namespace coachsim::sweep {

#ifdef COACHSIM_WITH_MPI
namespace {

bool launched_by_mpi() {
  for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK", "MPI_LOCALNRANKS"})
    if (std::getenv(v) != nullptr) return true;
  return false;
}

}  // namespace

Cluster::Cluster() {
  if (!launched_by_mpi()) return;
  int ready = 0;
  MPI_Initialized(&ready);
  if (ready == 0) {
    int provided = 0;
    // Only the main thread calls MPI; worker threads never do.
    MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
    started_ = true;
  }
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

Cluster::~Cluster() {
  if (started_) MPI_Finalize();
}

bool Cluster::any(bool local_failed) const {
  if (size_ == 1) return local_failed;
  int in = local_failed ? 1 : 0, out = 0;
  MPI_Allreduce(&in, &out, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  return out != 0;
}

ReplicationSet Cluster::gather(ReplicationSet local, std::uint64_t total) const {
  if (size_ == 1) return local;
  // Every rank says its row width (metrics + inputs); ranks that ran nothing say 0.
  const int width = local.indices.empty() ? 0 : static_cast<int>(local.width());
  std::vector<int> widths(static_cast<std::size_t>(size_));
  MPI_Gather(&width, 1, MPI_INT, widths.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
  std::vector<int> counts(static_cast<std::size_t>(size_)), displs(counts.size());
  const int mine = static_cast<int>(local.rows.size());
  MPI_Gather(&mine, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
  std::vector<double> all;
  if (rank_ == 0) {
    int at = 0;
    for (std::size_t k = 0; k < counts.size(); ++k) {
      if (widths[k] != 0 && widths[k] != width)
        throw std::runtime_error("MPI rank " + std::to_string(k) +
                                 " produced rows of a different width than rank 0");
      const std::uint64_t rows = k < total ? (total - k + static_cast<std::uint64_t>(size_) - 1) /
                                                 static_cast<std::uint64_t>(size_)
                                           : 0;
      if (static_cast<std::uint64_t>(counts[k]) != rows * static_cast<std::uint64_t>(width))
        throw std::runtime_error("MPI rank " + std::to_string(k) + " sent " +
                                 std::to_string(counts[k]) + " values, expected " +
                                 std::to_string(rows * static_cast<std::uint64_t>(width)));
      displs[k] = at;
      at += counts[k];
    }
    all.resize(static_cast<std::size_t>(at));
  }
  MPI_Gatherv(local.rows.data(), mine, MPI_DOUBLE, all.data(), counts.data(), displs.data(),
              MPI_DOUBLE, 0, MPI_COMM_WORLD);
  if (rank_ != 0) return local;
  // Rank k ran indices k, k + size, k + 2 size ... in ascending order: place each row.
  ReplicationSet full;
  full.layout = std::move(local.layout);
  full.inputs = local.inputs;
  const std::size_t w = full.width();
  full.rows.assign(static_cast<std::size_t>(total) * w, 0.0);
  for (std::uint64_t i = 0; i < total; ++i) full.indices.push_back(i);
  for (std::size_t k = 0; k < counts.size(); ++k) {
    std::size_t at = static_cast<std::size_t>(displs[k]);
    for (std::uint64_t i = k; i < total; i += static_cast<std::uint64_t>(size_), at += w)
      std::copy(all.begin() + static_cast<std::ptrdiff_t>(at),
                all.begin() + static_cast<std::ptrdiff_t>(at + w),
                full.rows.begin() + static_cast<std::ptrdiff_t>(i * w));
  }
  return full;
}

bool Cluster::built_with_mpi() { return true; }

#else

Cluster::Cluster() = default;
Cluster::~Cluster() = default;
bool Cluster::any(bool local_failed) const { return local_failed; }
ReplicationSet Cluster::gather(ReplicationSet local, std::uint64_t) const { return local; }
bool Cluster::built_with_mpi() { return false; }

#endif

}  // namespace coachsim::sweep
