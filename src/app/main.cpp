// PortLab's entry point, the same for the native program and the page.
#include "app/main_loop.h"
#include "app/platform.h"

int main(int argc, char** argv) {
  portlab::app::LaunchOptions options;
  if (!portlab::app::platform::parse_launch_options(argc, argv, options)) return 2;
  // Static: in the browser the main loop outlives main()'s stack frame.
  static portlab::app::App app;
  if (!app.init(options)) return 1;
  portlab::app::platform::run(app);  // in the browser this never returns
  return app.shutdown();
}
