#pragma once
#pragma unroll 4
_Pragma("unroll") for(;;);
