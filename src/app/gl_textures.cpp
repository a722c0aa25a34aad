#include "app/gl_textures.h"

#include <GLES3/gl3.h>

#include <cstdint>
#include <vector>

namespace portlab::app {

namespace {

GLuint gl_name(ImTextureID texture) { return static_cast<GLuint>(reinterpret_cast<intptr_t>(texture)); }

}  // namespace

ImTextureID GlTextures::create(int width, int height) {
  GLuint name = 0;
  glGenTextures(1, &name);
  if (name == 0) return nullptr;
  glBindTexture(GL_TEXTURE_2D, name);
  // Nearest: each port stays a crisp square however far the grid is scaled.
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  const std::vector<uint8_t> clear(static_cast<size_t>(width) * static_cast<size_t>(height) * 4, 0);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, clear.data());
  widths_[name] = width;
  return reinterpret_cast<ImTextureID>(static_cast<intptr_t>(name));
}

void GlTextures::update_rows(ImTextureID texture, int first_row, int rows, const uint8_t* rgba) {
  auto it = widths_.find(gl_name(texture));
  if (it == widths_.end()) return;
  glBindTexture(GL_TEXTURE_2D, it->first);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexSubImage2D(GL_TEXTURE_2D, 0, 0, first_row, it->second, rows, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
}

void GlTextures::destroy(ImTextureID texture) {
  const GLuint name = gl_name(texture);
  widths_.erase(name);
  glDeleteTextures(1, &name);
}

}  // namespace portlab::app
