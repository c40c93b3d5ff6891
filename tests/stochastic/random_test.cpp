// RandomStream: keyed reproducibility, independence of keys, published generator outputs,
// pinned first values, and sample moments within 5 standard errors for N = 200,000.
#include "coachsim/stochastic/random.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <set>
#include <stdexcept>
#include <vector>

namespace coachsim::stochastic {
namespace random_test {

constexpr int kN = 200000;
constexpr double kZ = 5.0;  // tolerance in standard errors

StreamKey key(std::uint64_t seed, std::uint64_t rep, std::uint64_t entity, const char* purpose) {
  return StreamKey{seed, rep, entity, stream_purpose(purpose)};
}

std::vector<std::uint64_t> first_values(const StreamKey& k, int n) {
  RandomStream r(k);
  std::vector<std::uint64_t> out;
  for (int i = 0; i < n; ++i) out.push_back(r.next_u64());
  return out;
}

// Mean and (population) variance of a sample.
struct Moments {
  double mean = 0;
  double var = 0;
};
template <typename Draw>
Moments moments(Draw draw) {
  double sum = 0;
  double sum_sq = 0;
  for (int i = 0; i < kN; ++i) {
    const double x = draw();
    sum += x;
    sum_sq += x * x;
  }
  const double mean = sum / kN;
  return {mean, sum_sq / kN - mean * mean};
}

TEST(StreamPurpose, IsFnv1a64) {
  EXPECT_EQ(stream_purpose(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(stream_purpose("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(stream_purpose("foobar"), 0x85944171f73967e8ULL);
  EXPECT_EQ(stream_purpose(static_cast<const char*>(nullptr)), stream_purpose(""));
  static_assert(stream_purpose(std::string_view{"foobar"}) == 0x85944171f73967e8ULL);
  EXPECT_NE(stream_purpose("school.distance"), stream_purpose("school.size"));
}

TEST(RandomStream, MatchesPublishedXoshiro256StarStarOutputs) {
  RandomStream r = RandomStream::from_state(1, 2, 3, 4);
  const std::uint64_t expected[] = {11520ULL,
                                    0ULL,
                                    1509978240ULL,
                                    1215971899390074240ULL,
                                    1216172134540287360ULL,
                                    607988272756665600ULL,
                                    16172922978634559625ULL,
                                    8476171486693032832ULL,
                                    10595114339597558777ULL,
                                    2904607092377533576ULL};
  for (const std::uint64_t e : expected) EXPECT_EQ(r.next_u64(), e);
  EXPECT_THROW(RandomStream::from_state(0, 0, 0, 0), std::invalid_argument);
}

TEST(RandomStream, PinnedFirstValues) {
  // If this fails, the key mixing or the generator changed, and every result changes with it.
  const auto v = first_values(key(20240601, 3, 17, "school.distance"), 3);
  EXPECT_EQ(v[0], 17579468176351701639ULL);
  EXPECT_EQ(v[1], 13534371668351228421ULL);
  EXPECT_EQ(v[2], 13770085612853301259ULL);
  const auto z = first_values(StreamKey{}, 3);
  EXPECT_EQ(z[0], 7276400638600424232ULL);
  EXPECT_EQ(z[1], 10028232323655596547ULL);
  EXPECT_EQ(z[2], 14072723880582930347ULL);
}

TEST(RandomStream, FirstUniform01IsTheStreamsFirstDraw) {
  // The pinned key above: its first output is 17579468176351701639, whose top 53 bits over 2^53.
  EXPECT_EQ(RandomStream::first_uniform01(key(20240601, 3, 17, "school.distance")),
            static_cast<double>(17579468176351701639ULL >> 11) * 0x1.0p-53);
  EXPECT_EQ(RandomStream::first_uniform01(StreamKey{}),
            static_cast<double>(7276400638600424232ULL >> 11) * 0x1.0p-53);
  // And for keys like the turnover draws' (a post and a year in the purpose), field by field.
  for (std::uint64_t entity = 0; entity < 2000; entity += 7)
    for (std::uint64_t year = 0; year < 3; ++year) {
      const StreamKey k{12345, year * 11, entity, stream_purpose("teacher.turnover") ^ year};
      RandomStream r(k);
      ASSERT_EQ(RandomStream::first_uniform01(k), r.uniform01()) << entity << " " << year;
    }
}

TEST(RandomStream, SameKeySameSequence) {
  const StreamKey k = key(42, 1, 7, "coach.travel");
  EXPECT_EQ(first_values(k, 1000), first_values(k, 1000));
  // Using other streams in between changes nothing.
  RandomStream a(k);
  RandomStream other(key(42, 1, 8, "coach.travel"));
  RandomStream b(k);
  for (int i = 0; i < 100; ++i) {
    other.next_u64();
    ASSERT_EQ(a.next_u64(), b.next_u64());
  }
}

TEST(RandomStream, EachKeyFieldChangesTheSequence) {
  const StreamKey base = key(42, 1, 7, "coach.travel");
  std::vector<StreamKey> keys = {base};
  for (int field = 0; field < 4; ++field) {
    for (const std::uint64_t delta : {1ULL, 2ULL, 1ULL << 32, 1ULL << 63}) {
      StreamKey k = base;
      std::uint64_t* f[] = {&k.seed, &k.replication, &k.entity, &k.purpose};
      *f[field] ^= delta;
      keys.push_back(k);
    }
  }
  // Fields are not interchangeable.
  keys.push_back(StreamKey{7, 1, 42, base.purpose});
  keys.push_back(StreamKey{1, 42, 7, base.purpose});
  keys.push_back(StreamKey{0, 0, 0, 1});
  keys.push_back(StreamKey{0, 0, 1, 0});
  keys.push_back(StreamKey{0, 1, 0, 0});
  keys.push_back(StreamKey{1, 0, 0, 0});
  std::set<std::uint64_t> firsts;
  for (const StreamKey& k : keys) {
    const auto v = first_values(k, 4);
    for (const std::uint64_t x : v) firsts.insert(x);
  }
  EXPECT_EQ(firsts.size(), keys.size() * 4);  // no value shared between any two streams
}

TEST(RandomStream, NeighbouringEntitiesLookIndependent) {
  // Correlation of uniforms from entity i and i+1, over many entities, is near zero.
  double sxy = 0;
  double sx = 0;
  double sy = 0;
  const int n = 20000;
  for (int i = 0; i < n; ++i) {
    RandomStream a(key(1, 0, static_cast<std::uint64_t>(i), "x"));
    RandomStream b(key(1, 0, static_cast<std::uint64_t>(i) + 1, "x"));
    const double x = a.uniform01() - 0.5;
    const double y = b.uniform01() - 0.5;
    sxy += x * y;
    sx += x * x;
    sy += y * y;
  }
  const double corr = sxy / std::sqrt(sx * sy);
  EXPECT_LT(std::abs(corr), kZ / std::sqrt(n));
}

TEST(RandomStream, Uniform01Moments) {
  RandomStream r(key(1, 0, 0, "uniform"));
  double lo = 1;
  double hi = 0;
  const Moments m = moments([&] {
    const double u = r.uniform01();
    lo = std::min(lo, u);
    hi = std::max(hi, u);
    return u;
  });
  EXPECT_GE(lo, 0.0);
  EXPECT_LT(hi, 1.0);
  EXPECT_NEAR(m.mean, 0.5, kZ * std::sqrt(1.0 / 12 / kN));
  // Var of (U - 1/2)^2 is 1/80 - 1/144 = 1/180.
  EXPECT_NEAR(m.var, 1.0 / 12, kZ * std::sqrt(1.0 / 180 / kN));
}

TEST(RandomStream, UniformRange) {
  RandomStream r(key(1, 0, 0, "uniform.range"));
  const Moments m = moments([&] {
    const double x = r.uniform(-3.0, 5.0);
    EXPECT_GE(x, -3.0);
    EXPECT_LT(x, 5.0);
    return x;
  });
  EXPECT_NEAR(m.mean, 1.0, kZ * std::sqrt(64.0 / 12 / kN));
  EXPECT_EQ(r.uniform(2.0, 2.0), 2.0);
}

TEST(RandomStream, NormalMoments) {
  RandomStream r(key(1, 0, 0, "normal"));
  const double mu = 10.0;
  const double sd = 2.5;
  int within_one_sd = 0;
  const Moments m = moments([&] {
    const double x = r.normal(mu, sd);
    if (std::abs(x - mu) < sd) ++within_one_sd;
    return x;
  });
  EXPECT_NEAR(m.mean, mu, kZ * sd / std::sqrt(kN));
  EXPECT_NEAR(m.var, sd * sd, kZ * sd * sd * std::sqrt(2.0 / kN));
  const double p = std::erf(1.0 / std::sqrt(2.0));  // 0.6827
  EXPECT_NEAR(static_cast<double>(within_one_sd) / kN, p, kZ * std::sqrt(p * (1 - p) / kN));
}

TEST(RandomStream, NormalHasNoCachedSecondValue) {
  // Each normal() uses exactly two uniforms, so the stream position after k normals is 2k.
  RandomStream a(key(5, 0, 0, "normal.position"));
  RandomStream b(key(5, 0, 0, "normal.position"));
  a.normal(0, 1);
  a.normal(0, 1);
  a.normal(0, 1);
  for (int i = 0; i < 6; ++i) b.next_u64();
  EXPECT_EQ(a.next_u64(), b.next_u64());
}

TEST(RandomStream, LognormalMoments) {
  RandomStream r(key(1, 0, 0, "lognormal"));
  const double mu = 1.0;
  const double sigma = 0.5;
  double log_sum = 0;
  const Moments m = moments([&] {
    const double x = r.lognormal(mu, sigma);
    EXPECT_GT(x, 0.0);
    log_sum += std::log(x);
    return x;
  });
  const double mean = std::exp(mu + sigma * sigma / 2);
  const double var = (std::exp(sigma * sigma) - 1) * std::exp(2 * mu + sigma * sigma);
  EXPECT_NEAR(m.mean, mean, kZ * std::sqrt(var / kN));
  EXPECT_NEAR(log_sum / kN, mu, kZ * sigma / std::sqrt(kN));
}

TEST(RandomStream, TriangularMoments) {
  RandomStream r(key(1, 0, 0, "triangular"));
  const double a = 2.0;
  const double c = 3.0;  // mode
  const double b = 10.0;
  int below_mode = 0;
  const Moments m = moments([&] {
    const double x = r.triangular(a, c, b);
    EXPECT_GE(x, a);
    EXPECT_LE(x, b);
    if (x < c) ++below_mode;
    return x;
  });
  const double mean = (a + b + c) / 3;
  const double var = (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
  EXPECT_NEAR(m.mean, mean, kZ * std::sqrt(var / kN));
  const double p = (c - a) / (b - a);  // CDF at the mode
  EXPECT_NEAR(static_cast<double>(below_mode) / kN, p, kZ * std::sqrt(p * (1 - p) / kN));
  // Variance: its standard error needs the fourth moment; a 5% band is far wider than that.
  EXPECT_NEAR(m.var, var, 0.05 * var);
  // Degenerate shapes.
  EXPECT_EQ(r.triangular(4.0, 4.0, 4.0), 4.0);
  for (int i = 0; i < 1000; ++i) {
    const double left = r.triangular(0.0, 0.0, 1.0);  // mode at the low end
    const double right = r.triangular(0.0, 1.0, 1.0);
    ASSERT_GE(left, 0.0);
    ASSERT_LE(left, 1.0);
    ASSERT_GE(right, 0.0);
    ASSERT_LE(right, 1.0);
  }
}

TEST(RandomStream, UniformIntBoundsAndEveryValue) {
  RandomStream r(key(1, 0, 0, "uniform_int"));
  const std::int64_t lo = -3;
  const std::int64_t hi = 9;
  const int k = static_cast<int>(hi - lo + 1);
  std::vector<int> counts(static_cast<std::size_t>(k), 0);
  for (int i = 0; i < kN; ++i) {
    const std::int64_t x = r.uniform_int(lo, hi);
    ASSERT_GE(x, lo);
    ASSERT_LE(x, hi);
    ++counts[static_cast<std::size_t>(x - lo)];
  }
  const double p = 1.0 / k;
  for (int c : counts) {
    EXPECT_GT(c, 0);
    EXPECT_NEAR(static_cast<double>(c) / kN, p, kZ * std::sqrt(p * (1 - p) / kN));
  }
}

TEST(RandomStream, UniformIntIsUnbiasedForAwkwardRanges) {
  // n = 3 * 2^62: plain modulo would give the lowest third of values twice the weight.
  RandomStream r(key(1, 0, 0, "uniform_int.awkward"));
  const std::uint64_t n = 3ULL << 62;
  const std::int64_t lo = std::numeric_limits<std::int64_t>::min();
  const std::int64_t hi = static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + (n - 1));
  int low_third = 0;
  for (int i = 0; i < kN; ++i) {
    const std::int64_t x = r.uniform_int(lo, hi);
    ASSERT_LE(x, hi);
    const std::uint64_t offset = static_cast<std::uint64_t>(x) - static_cast<std::uint64_t>(lo);
    if (offset < (1ULL << 62)) ++low_third;
  }
  const double p = 1.0 / 3;
  EXPECT_NEAR(static_cast<double>(low_third) / kN, p, kZ * std::sqrt(p * (1 - p) / kN));
}

TEST(RandomStream, UniformIntEdgeCases) {
  RandomStream r(key(1, 0, 0, "uniform_int.edges"));
  EXPECT_EQ(r.uniform_int(5, 5), 5);
  EXPECT_EQ(r.uniform_int(-7, -7), -7);
  const auto min = std::numeric_limits<std::int64_t>::min();
  const auto max = std::numeric_limits<std::int64_t>::max();
  bool negative = false;
  bool positive = false;
  for (int i = 0; i < 100; ++i) {
    const std::int64_t x = r.uniform_int(min, max);
    negative |= x < 0;
    positive |= x > 0;
    const std::int64_t y = r.uniform_int(max - 1, max);
    ASSERT_GE(y, max - 1);
    const std::int64_t z = r.uniform_int(min, min + 1);
    ASSERT_LE(z, min + 1);
  }
  EXPECT_TRUE(negative && positive);
  EXPECT_THROW(r.uniform_int(2, 1), std::invalid_argument);
}

TEST(RandomStream, Bernoulli) {
  RandomStream r(key(1, 0, 0, "bernoulli"));
  const double p = 0.3;
  int hits = 0;
  for (int i = 0; i < kN; ++i) hits += r.bernoulli(p) ? 1 : 0;
  EXPECT_NEAR(static_cast<double>(hits) / kN, p, kZ * std::sqrt(p * (1 - p) / kN));
  for (int i = 0; i < 1000; ++i) {
    ASSERT_FALSE(r.bernoulli(0.0));
    ASSERT_TRUE(r.bernoulli(1.0));
  }
}

}  // namespace random_test
}  // namespace coachsim::stochastic
