// initcheck: structs with padding, written field by field, but one field
// of some elements is left unwritten: a copy of the whole struct reads it.
// Padding bytes are never reported (a GPU loads only the fields;
// tests/sanitizer/clean/init_struct_padding.cu); the missing field is, at
// the read that copies it, both for a struct of an array and for a struct
// that is an element of another struct's member array.
// CHECK: initcheck
// expect: Uninitialized __global__ memory read of size 16 bytes
// expect: at .*init_struct_field.cu:37:14 in kernel 'gather'
// expect: by thread \(3,0,0\) in block \(0,0,0\)
// expect: is 48 bytes inside the 1024-byte device allocation at 0x[0-9a-f]+; byte 8 of the read \(a struct's, in a field
// expect: Uninitialized __global__ memory read of size 8 bytes
// expect: at .*init_struct_field.cu:38:11 in kernel 'gather'
// expect: by thread \(1,0,0\) in block \(0,0,0\)
// expect: is 48 bytes inside the 2560-byte device allocation at 0x[0-9a-f]+; byte 4 of the read \(a struct.s, in a field
#include <cstdio>

struct Sample { int id; double value; };         // 4 bytes of padding after id
struct Tag { char kind; int count; };            // 3 bytes of padding after kind
struct Record { Tag tags[2]; short flags; Sample s; };

__global__ void fill(Sample *samples, Record *records) {
  int i = threadIdx.x;
  samples[i].id = i;
  if (i % 4 != 3) samples[i].value = 0.5 * i;     // the planted bug: value unwritten
  records[i].tags[0].kind = 'a';
  records[i].tags[0].count = i;
  records[i].tags[1].kind = 'b';
  if (i % 2 == 0) records[i].tags[1].count = 2 * i; // the planted bug: count unwritten
  records[i].flags = 1;
  records[i].s.id = i;
  records[i].s.value = 1.0;
}

__global__ void gather(const Sample *samples, const Record *records, double *out) {
  int i = threadIdx.x;
  Sample s = samples[i];
  Tag t = records[i].tags[1];
  out[i] = s.value + t.count;
}

int main() {
  const int n = 64;
  Sample *samples;
  Record *records;
  double *out;
  cudaMalloc(&samples, n * sizeof(Sample));
  cudaMalloc(&records, n * sizeof(Record));
  cudaMalloc(&out, n * sizeof(double));
  fill<<<1, n>>>(samples, records);
  gather<<<1, n>>>(samples, records, out);
  cudaDeviceSynchronize();
  cudaFree(samples);
  cudaFree(records);
  cudaFree(out);
  printf("done\n");
  return 0;
}
