// The lab views the Shell owns, lent to a view that draws a lab inside
// itself (a lesson step with a ```sim block). One lab model, one view
// object, wherever it shows: an attempt made in a lesson step is in the
// lab screen's history, and the widget state (a half-typed address) too.
#pragma once

#include "ui/views/bind_lab_view.h"
#include "ui/views/ephemeral_lab_view.h"
#include "ui/views/explorer_view.h"
#include "ui/views/nat_lab_view.h"

namespace portlab::ui {

struct LabViews {
  BindLabView* bind = nullptr;
  EphemeralLabView* ephemeral = nullptr;
  NatLabView* nat = nullptr;
  ExplorerView* explorer = nullptr;
};

}  // namespace portlab::ui
