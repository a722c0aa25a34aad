#include "core/ports/privilege.h"

namespace portlab::ports {

bool needs_privilege(const OsSettings& st, uint16_t port) {
  switch (st.profile().privilege) {
    case PrivilegeRule::LinuxCapability: return port < st.unprivileged_port_start();
    // Only a specific address is refused, but that is enough for "some bind
    // of this port needs root".
    case PrivilegeRule::MacosSpecificAddressOnly: return port < 1024;
    case PrivilegeRule::FreebsdReservedRange:
      return port >= st.reserved_low() && port <= st.reserved_high();
    case PrivilegeRule::SolarisPrivilegedPorts:
      return port < st.smallest_nonpriv_port() || st.extra_priv_port(port);
    case PrivilegeRule::None: return false;
  }
  return false;
}

}  // namespace portlab::ports
