// ui::Textures over OpenGL ES 3.0 / WebGL2: the Port Map's image lives in
// one texture, and a change to a few ports re-sends only their rows.
#pragma once

#include <map>

#include "ui/textures.h"

namespace portlab::app {

class GlTextures final : public ui::Textures {
 public:
  ImTextureID create(int width, int height) override;
  void update_rows(ImTextureID texture, int first_row, int rows, const uint8_t* rgba) override;
  void destroy(ImTextureID texture) override;

 private:
  // GLES 3.0 cannot be asked a texture's width; rows are uploaded whole.
  std::map<unsigned, int> widths_;
};

}  // namespace portlab::app
