// What every view is given: pointers to the model it draws and to the shared
// fonts. Views hold no rules: they read the model and call its commands.
#pragma once

#include <string>

#include "core/model/model.h"
#include "core/nav/navigator.h"
#include "core/settings/settings.h"
#include "ui/file_exchange.h"
#include "ui/fonts.h"
#include "ui/real_bind.h"
#include "ui/textures.h"

namespace portlab::ui {

struct ViewContext {
  nav::Navigator* navigator = nullptr;
  settings::Settings* settings = nullptr;
  const FontSet* fonts = nullptr;
  model::Model* model = nullptr;
  Textures* textures = nullptr;
  FileExchange* files = nullptr;
  // A real bind() on loopback: native builds only (null on the web).
  RealBind* real_bind = nullptr;
  // The page's address without its fragment ("https://host/portlab/"), so
  // a link to share is whole; "" natively, where links are fragments.
  std::string page_address{};
};

}  // namespace portlab::ui
