// Declarations shared by the two .cu files of this program.
#pragma once
void launch_fill(int *a, int n, int base);
__global__ void add_into(int *a, const int *b, int n);
