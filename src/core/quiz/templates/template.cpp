#include "core/quiz/templates/template.h"

#include "core/quiz/templates/catalog.h"

namespace portlab::quiz {

std::string Generated::value(std::string_view key) const {
  for (const ScenarioValue& v : scenario)
    if (v.key == key) return v.value;
  return "";
}

const std::vector<const Template*>& templates() {
  using namespace gen;
  // Lesson order: ports, ranges, privileged binding, ephemeral ports, NAT.
  static const std::vector<const Template*> all = {
      &classify_port_template(),    &service_at_port_template(),  &service_transport_template(), &service_port_template(),
      &ephemeral_range_template(),  &is_ephemeral_template(),     &linux_bind_template(),
      &macos_bind_template(),       &freebsd_bind_template(),     &connect_parity_template(),
      &connection_limit_template(), &exhaustion_error_template(), &time_wait_template(),
      &nat_source_template(),       &nat_collision_template(),    &nat_inbound_template(),
      &nat_forward_template(),      &nat_hairpin_template(),      &address_space_template(),
  };
  return all;
}

const Template* find_template(std::string_view id) {
  for (const Template* t : templates())
    if (id == t->id) return t;
  return nullptr;
}

}  // namespace portlab::quiz
