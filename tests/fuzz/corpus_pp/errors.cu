#if 1
/* unterminated
"str
@ `
#else
