// "What kind of address is this?" (R5.6): carrier-grade NAT's shared
// address space 100.64.0.0/10 is neither RFC 1918 private space nor public,
// answered by the address classifiers the NAT engine routes with.
#include "core/net/address.h"
#include "core/quiz/templates/builder.h"
#include "core/quiz/templates/catalog.h"

namespace portlab::quiz::gen {
namespace {

constexpr const char* kPrivate = "rfc1918";
constexpr const char* kShared = "shared";
constexpr const char* kLoopback = "loopback";
constexpr const char* kPublic = "public";

std::string kind_of(net::Ipv4 a) {
  if (net::is_shared_cgn_space(a)) return kShared;
  if (net::is_rfc1918(a)) return kPrivate;
  if (net::is_loopback(a)) return kLoopback;
  return kPublic;
}

// Addresses in and just around each block, where the prefix lengths bite.
net::Ipv4 draw(sim::Random& random) {
  auto octet = [&](int lo, int hi) { return static_cast<int>(random.between(lo, hi)); };
  int a = 100, b = 64;
  switch (random.below(10)) {
    case 0:
    case 1:
    case 2:
      b = octet(64, 127);
      break;  // shared 100.64/10
    case 3:
      b = pick(random, {63, 128, 0, 200});
      break;  // just outside it
    case 4:
      a = 172;
      b = octet(16, 31);
      break;  // private 172.16/12
    case 5:
      a = 172;
      b = pick(random, {15, 32, 64});
      break;  // just outside it
    case 6:
      a = 10;
      b = octet(0, 255);
      break;
    case 7:
      a = 192;
      b = pick(random, {168, 168, 169, 167});
      break;
    case 8:
      a = 127;
      b = octet(0, 255);
      break;
    default:
      a = pick(random, {8, 11, 93, 99, 101});
      b = octet(0, 255);
      break;
  }
  return *net::parse_ipv4(dotted(a, b, octet(0, 255), octet(1, 254))).value;
}

Generated generate(uint64_t seed);

const Template kTemplate = {"address-space",
                            "Private, shared (CGN), loopback or public address",
                            Topic::Nat,
                            QuestionType::SingleChoice,
                            {"network-plus:1.7", "ccna:1.7"},
                            2,
                            {"R5.6"},
                            generate};

Generated generate(uint64_t seed) {
  sim::Random random(seed);
  const net::Ipv4 address = draw(random);
  const std::string a = net::to_string(address);
  const std::string kind = kind_of(address);

  Generated g = start(kTemplate, seed);
  state(g, "address", a);
  g.question.prompt = "Which kind of IPv4 address is " + a + "?";
  struct Kind {
    const char* key;
    const char* text;
    const char* block;  // the block that defines it
  };
  const Kind kinds[] = {
      {kPrivate, "Private address space (RFC 1918)",
       "10.0.0.0/8, 172.16.0.0/12 and 192.168.0.0/16"},
      {kShared, "Shared address space for carrier-grade NAT (RFC 6598)", "100.64.0.0/10"},
      {kLoopback, "Loopback", "127.0.0.0/8"},
      {kPublic, "A public address, routed on the internet", "none of the special blocks"},
  };
  std::string home;
  for (const Kind& k : kinds)
    if (kind == k.key) home = k.block;
  Choices choices;
  for (const Kind& k : kinds) {
    if (kind == k.key)
      choices.right(k.key, k.text, right_because(a + " lies in " + k.block + "."));
    else if (k.key == std::string(kPublic))
      choices.wrong(k.key, k.text,
                    wrong_because(a + " lies in " + home +
                                  ", which is not routed on the "
                                  "internet."));
    else
      choices.wrong(k.key, k.text, wrong_because(a + " is outside " + k.block + "."));
  }
  choices.finish(g, nullptr);
  std::string why;
  if (kind == kShared)
    why = a +
          " lies in 100.64.0.0/10, the shared address space between a subscriber's router "
          "and the carrier's NAT, which is not RFC 1918 private space, so the subscriber is "
          "behind two NATs";
  else if (kind == kPrivate)
    why = a + " lies in RFC 1918 private space (" + home +
          "), not in the CGN shared space "
          "100.64.0.0/10";
  else if (kind == kLoopback)
    why = a +
          " lies in 127.0.0.0/8, the loopback block, not in the CGN shared space "
          "100.64.0.0/10";
  else
    why = a +
          " is outside RFC 1918 space, the CGN shared space 100.64.0.0/10 and loopback, so "
          "it is a public address";
  g.question.explanation = cite(why, {"R5.6"});
  return g;
}

}  // namespace

const Template& address_space_template() { return kTemplate; }

}  // namespace portlab::quiz::gen
