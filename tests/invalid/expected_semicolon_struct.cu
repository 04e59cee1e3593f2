// expect: 8:1: expected ';'
// A struct definition without its closing semicolon.
struct Particle {
    float x, y, z;
    float mass;
}

__global__ void zeroMass(Particle* p)
{
    p[threadIdx.x].mass = 0.0f;
}
