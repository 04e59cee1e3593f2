// ==== kernel lambdaKernel ====
// not emitted: cannot tell which buffer this pointer points into

