// ==== kernel heapKernel ====
// not emitted: cannot tell which buffer the pointer passed to 'Buffer::Buffer' points into

