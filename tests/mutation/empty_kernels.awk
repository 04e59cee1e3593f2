# empty_kernels.awk — prints a CUDA file with the body of every __global__
# function replaced by `{ }` (kernels return void, so that is a kernel
# that does nothing).  Works on the whole text at once, so a definition
# may span lines or sit inside a #define (its `\` continuations go with the
# body).  A `__global__` followed by `;` before any `{` is a declaration or
# an explicit instantiation and is left alone.  Braces inside string or
# character literals are not expected in kernel bodies and not handled;
# a `__global__` after `//` on its line is a comment and is skipped.
# Prints "empty_kernels: N" on stderr, the number of bodies emptied.
{ text = text $0 "\n" }
END {
  out = ""; n = 0
  while ((p = index(text, "__global__")) > 0) {
    out = out substr(text, 1, p + 9)
    text = substr(text, p + 10)
    line = out; sub(/.*\n/, "", line)      # this line, up to the keyword
    if (index(line, "//") > 0) continue     # a comment mentioning it
    b = index(text, "{"); s = index(text, ";")
    if (b == 0 || (s > 0 && s < b)) continue
    depth = 0
    for (i = b; i <= length(text); i++) {
      c = substr(text, i, 1)
      if (c == "{") depth++
      else if (c == "}" && --depth == 0) break
    }
    out = out substr(text, 1, b - 1) "{ }"
    text = substr(text, i + 1)
    n++
  }
  printf "%s%s", out, text
  print "empty_kernels: " n > "/dev/stderr"
}
