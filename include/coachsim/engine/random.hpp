// Seeded random streams keyed by (seed, replication, entity, purpose).
//
// Every stream is derived from its key alone (SplitMix64 mixing into xoshiro256** state), never
// from the order in which other streams were used, so results do not depend on event
// interleaving, thread count or MPI rank. Distributions are implemented here rather than with
// <random>'s distributions, whose algorithms differ between standard libraries.
#pragma once

#include <cstdint>

namespace coachsim::engine {

struct StreamKey {
  std::uint64_t seed = 0;
  std::uint64_t replication = 0;
  std::uint64_t entity = 0;   // e.g. a school or coach id, or a region index
  std::uint64_t purpose = 0;  // what the draws are for, e.g. hash of "school.distance"
};

// FNV-1a of a text, for naming purposes: stream_purpose("school.distance").
std::uint64_t stream_purpose(const char* name);

class RandomStream {
 public:
  explicit RandomStream(const StreamKey& key);

  std::uint64_t next_u64();
  double uniform01();                                    // [0, 1)
  double uniform(double lo, double hi);                  // [lo, hi)
  std::int64_t uniform_int(std::int64_t lo, std::int64_t hi);  // [lo, hi], unbiased
  bool bernoulli(double p);
  double normal(double mean, double sd);                 // Box-Muller, no cached second value
  double lognormal(double mu, double sigma);             // exp(normal(mu, sigma))
  double triangular(double lo, double mode, double hi);  // REQUIRES lo <= mode <= hi

 private:
  std::uint64_t s_[4];
};

}  // namespace coachsim::engine
