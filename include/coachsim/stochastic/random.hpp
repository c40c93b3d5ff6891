// Seeded random streams keyed by (seed, replication, entity, purpose).
//
// Every stream is derived from its key alone (SplitMix64 mixing into xoshiro256** state), never
// from the order in which other streams were used, so results do not depend on event
// interleaving, thread count or MPI rank. Distributions are implemented here rather than with
// <random>'s distributions, whose algorithms differ between standard libraries.
#pragma once

#include <cstdint>
#include <string_view>

namespace coachsim::stochastic {

struct StreamKey {
  std::uint64_t seed = 0;
  std::uint64_t replication = 0;
  std::uint64_t entity = 0;   // e.g. a school or coach id, or a region index
  std::uint64_t purpose = 0;  // what the draws are for, e.g. hash of "school.distance"
};

// FNV-1a (64-bit) of a text, for naming purposes: stream_purpose("school.distance").
// The string_view overload is constexpr, for purposes named at compile time; both agree.
// A null pointer hashes like the empty text.
std::uint64_t stream_purpose(const char* name);
constexpr std::uint64_t stream_purpose(std::string_view name) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : name) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

class RandomStream {
 public:
  explicit RandomStream(const StreamKey& key);

  // A stream with the given raw xoshiro256** state (not all zero), for checking the generator
  // against published outputs and for restoring a saved state().
  static RandomStream from_state(std::uint64_t s0, std::uint64_t s1, std::uint64_t s2,
                                 std::uint64_t s3);

  // The first uniform01() of RandomStream(key), for a stream drawn once (a teacher post's
  // turnover in a year): xoshiro256**'s first output reads one state word, so only that word is
  // seeded (a quarter of the constructor's mixing). Equal to RandomStream(key).uniform01().
  static double first_uniform01(const StreamKey& key);

  // Inline: a trip's cancellation draws one per trip.
  std::uint64_t next_u64() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  double uniform01() { return to_unit(next_u64()); }           // [0, 1), multiples of 2^-53
  double uniform(double lo, double hi);                        // [lo, hi); lo when lo == hi
  std::int64_t uniform_int(std::int64_t lo, std::int64_t hi);  // [lo, hi], unbiased
  bool bernoulli(double p) { return uniform01() < p; }   // always false for p <= 0, true p >= 1
  double normal(double mean, double sd);                 // Box-Muller, no cached second value
  double lognormal(double mu, double sigma);             // exp(normal(mu, sigma))
  double triangular(double lo, double mode, double hi);  // REQUIRES lo <= mode <= hi

 private:
  RandomStream() = default;
  static constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  static double to_unit(std::uint64_t x) { return static_cast<double>(x >> 11) * 0x1.0p-53; }
  // The first output of a xoshiro256** state whose second word is `s1` (it reads no other).
  static std::uint64_t first_output(std::uint64_t s1) { return rotl(s1 * 5, 7) * 9; }

  std::uint64_t s_[4];
};

}  // namespace coachsim::stochastic
