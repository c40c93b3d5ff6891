// RandomStream: xoshiro256** seeded through SplitMix64, and the distributions on top of it.
#include "coachsim/stochastic/random.hpp"

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace coachsim::stochastic {

namespace {

constexpr std::uint64_t kGolden = 0x9e3779b97f4a7c15ULL;

// One SplitMix64 step: advance the state by the golden gamma and return the mixed value.
std::uint64_t splitmix64(std::uint64_t& x) {
  x += kGolden;
  std::uint64_t z = x;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

__extension__ using u128 = unsigned __int128;

}  // namespace

std::uint64_t stream_purpose(const char* name) {
  return stream_purpose(name == nullptr ? std::string_view{} : std::string_view{name});
}

namespace {

// Each of the four state words absorbs the whole key through its own SplitMix64 chain
// (different starting values), so two keys give the same state only if all four chains
// collide. Absorbing is x = splitmix64(x ^ field), a bijection of x for each field.
constexpr std::uint64_t kLaneInit = 0x636f61636873696dULL;  // "coachsim"

std::uint64_t seed_word(const StreamKey& key, std::uint64_t& lane_init) {
  const std::uint64_t fields[4] = {key.seed, key.replication, key.entity, key.purpose};
  std::uint64_t x = splitmix64(lane_init);
  for (const std::uint64_t f : fields) {
    x ^= f;
    x = splitmix64(x);
  }
  return x;
}

}  // namespace

RandomStream::RandomStream(const StreamKey& key) {
  std::uint64_t lane_init = kLaneInit;
  for (std::uint64_t& word : s_) word = seed_word(key, lane_init);
  if ((s_[0] | s_[1] | s_[2] | s_[3]) == 0) s_[0] = kGolden;  // the one invalid state
}

double RandomStream::first_uniform01(const StreamKey& key) {
  // The constructor's second chain; the all-zero fix above only changes the first word.
  std::uint64_t lane_init = kLaneInit + kGolden;
  return to_unit(first_output(seed_word(key, lane_init)));
}

RandomStream RandomStream::from_state(std::uint64_t s0, std::uint64_t s1, std::uint64_t s2,
                                      std::uint64_t s3) {
  if ((s0 | s1 | s2 | s3) == 0) {
    throw std::invalid_argument("RandomStream::from_state: all-zero state");
  }
  RandomStream r;
  r.s_[0] = s0;
  r.s_[1] = s1;
  r.s_[2] = s2;
  r.s_[3] = s3;
  return r;
}

double RandomStream::uniform(double lo, double hi) {
  if (!(lo < hi)) return lo;
  const double r = lo + (hi - lo) * uniform01();
  return r < hi ? r : std::nextafter(hi, lo);  // rounding can reach hi
}

std::int64_t RandomStream::uniform_int(std::int64_t lo, std::int64_t hi) {
  if (hi < lo) throw std::invalid_argument("RandomStream::uniform_int: hi < lo");
  const std::uint64_t span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo);
  if (span == UINT64_MAX) return static_cast<std::int64_t>(next_u64());
  // Lemire's multiply-and-reject: the high word of x * n is uniform in [0, n) once the low
  // words below 2^64 mod n are rejected.
  const std::uint64_t n = span + 1;
  u128 m = static_cast<u128>(next_u64()) * n;
  auto low = static_cast<std::uint64_t>(m);
  if (low < n) {
    const std::uint64_t threshold = (0 - n) % n;  // 2^64 mod n
    while (low < threshold) {
      m = static_cast<u128>(next_u64()) * n;
      low = static_cast<std::uint64_t>(m);
    }
  }
  const auto offset = static_cast<std::uint64_t>(m >> 64);
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + offset);
}

double RandomStream::normal(double mean, double sd) {
  const double u1 = 1.0 - uniform01();  // (0, 1]: log is finite
  const double u2 = uniform01();
  const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
  return mean + sd * z;
}

double RandomStream::lognormal(double mu, double sigma) { return std::exp(normal(mu, sigma)); }

double RandomStream::triangular(double lo, double mode, double hi) {
  if (!(lo < hi)) return lo;
  const double u = uniform01();
  const double width = hi - lo;
  const double left = mode - lo;
  if (u * width < left) return lo + std::sqrt(u * width * left);
  return hi - std::sqrt((1.0 - u) * width * (hi - mode));
}

}  // namespace coachsim::stochastic
