'a' '\n' "s\t" u8"x" R"d(raw)d" 1'000ull 0b11 \
 spliced
