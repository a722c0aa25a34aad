#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "app/real_bind.h"

using namespace portlab;

TEST_CASE("real bind: a port held on loopback is EADDRINUSE; the lab's own socket is closed") {
  // Hold some free port the kernel picks, so the test never races a service.
  const int held = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(held >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(held, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  REQUIRE(::listen(held, 1) == 0);
  socklen_t len = sizeof addr;
  REQUIRE(::getsockname(held, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
  const uint16_t port = ntohs(addr.sin_port);

  app::NativeRealBind real;
  const ui::RealBindResult busy = real.try_bind(port, net::Transport::Tcp, false);
  CHECK_FALSE(busy.ok);
  CHECK(busy.error == "EADDRINUSE");
  CHECK(!busy.message.empty());
  ::close(held);

  // Free now; and binding twice in a row works because each try closes.
  // (A closed listener with no connections leaves no TIME_WAIT behind.)
  const ui::RealBindResult first = real.try_bind(port, net::Transport::Tcp, false);
  CHECK_MESSAGE(first.ok, first.error << " " << first.message);
  CHECK(first.error.empty());
  CHECK(real.try_bind(port, net::Transport::Tcp, false).ok);
}
