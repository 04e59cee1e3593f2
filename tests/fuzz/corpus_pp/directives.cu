#line 10 "x.cu"
__LINE__ __FILE__ __COUNTER__
#error e
#warning w
