/*
 * devices.c — `cuwasm devices`: every backend, with its device or the
 * reason it cannot run here.
 */
#include <stdio.h>

#include "commands.h"

int cmd_devices(int argc, char **argv) {
  int h = cli_wants_help(argc, argv);
  if (h == 1) {
    puts("usage: cuwasm devices\nLists each backend with its devices, or why it is unavailable.");
    return 0;
  }
  if (h == 2) { printf("cuwasm %s\n", cw_version()); return 0; }
  if (argc > 1) {
    fprintf(stderr, "cuwasm devices: unexpected argument '%s'\n", argv[1]);
    return 2;
  }
  cw_device_info info[16];
  int n = cw_backend_list(info, 16);
  for (int i = 0; i < n; i++) {
    if (!info[i].available) {
      printf("%s: unavailable (%s)\n", info[i].backend, info[i].reason);
      continue;
    }
    if (info[i].cores) /* GPU backends without a core count (vulkan) say what they have */
      printf("%s: %s, %d cores, SIMD %s", info[i].backend, info[i].name, info[i].cores,
             info[i].simd);
    else
      printf("%s: %s, %s", info[i].backend, info[i].name, info[i].simd);
    if (info[i].memory_bytes)
      printf(", %.1f GiB memory", (double)info[i].memory_bytes / (1024.0 * 1024 * 1024));
    printf("\n");
  }
  return 0;
}
